namespace FleetCast.Dashboard.Tabs.Insights;

/// <summary>The Insights tab's answer for one server at one snapshot version: an explanation, or a
/// plain message saying why there is none (never numbers made up in its place).</summary>
public sealed record InsightsResult(InsightsStatus Status, string? Server, long Version, string Message, InsightsModel? Model)
{
    /// <summary>True when the answer is the same for every server (the picker is not shown).</summary>
    public bool FleetWide => Status is InsightsStatus.Baseline or InsightsStatus.NotExplainable or InsightsStatus.NoServers;

    public static InsightsResult Explained(InsightsModel model, long version) =>
        new(InsightsStatus.Explained, model.Server, version, string.Empty, model);

    public static InsightsResult Baseline(string forecaster, long version) => new(InsightsStatus.Baseline, null, version, BaselineText(forecaster), null);

    public static InsightsResult Unavailable(InsightsStatus status, string? server, long version, string message) => new(status, server, version, message, null);

    /// <summary>Says plainly that explanations need the TFT and how to load it (no digits: no number is shown).</summary>
    public static string BaselineText(string forecaster) =>
        "Explanations (feature importance, attention over the look-back, counterfactuals) come from the TFT model's own internals. " +
        $"The server is forecasting with the baseline \"{forecaster}\", which has no internals to explain, so this tab needs the TFT model to be loaded " +
        "and shows no explanation in its place. To load the shipped model, start the server with " +
        "\"fleetcast run --model models/default\" (or set Forecast:ModelDir to a trained model's directory).";
}
