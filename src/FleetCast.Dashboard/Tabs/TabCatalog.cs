namespace FleetCast.Dashboard.Tabs;

/// <summary>The dashboard's tabs in display order (DESIGN.md section 8).</summary>
public static class TabCatalog
{
    public const string Overview = "overview";
    public const string Heatmap = "heatmap";
    public const string TopRisks = "top-risks";
    public const string Server = "server";
    public const string Insights = "insights";
    public const string Alerts = "alerts";
    public const string Historical = "historical";
    public const string Cascade = "cascade";
    public const string Drift = "drift";
    public const string Cost = "cost";
    public const string Remediation = "remediation";
    public const string Routing = "routing";
    public const string Documentation = "documentation";

    public static IReadOnlyList<TabDefinition> All { get; } =
    [
        new(Overview, "Overview", true),
        new(Heatmap, "Heatmap", true),
        new(TopRisks, "Top risks", true),
        new(Server, "Server", true),
        new(Insights, "Insights", true),
        new(Alerts, "Alerts", true),
        new(Historical, "Historical", true),
        new(Cascade, "Cascade", true),
        new(Drift, "Drift & model", true),
        new(Cost, "Cost avoidance", true),
        new(Remediation, "Auto-remediation", true),
        new(Routing, "Alerting & routing", true),
        new(Documentation, "Documentation", true),
    ];

    public static bool IsKnown(string id) => All.Any(t => t.Id == id);

    /// <summary>The tab reached by an arrow key from <paramref name="currentId"/>, wrapping around.</summary>
    public static string Neighbour(string currentId, int direction)
    {
        var index = All.Select((t, i) => (t, i)).FirstOrDefault(x => x.t.Id == currentId).i;
        var next = ((index + direction) % All.Count + All.Count) % All.Count;
        return All[next].Id;
    }

    /// <summary>What a tab the server does not feed yet says instead of numbers.</summary>
    public static string UnavailableText(string id, string forecaster, bool forecasterIsModel) => id switch
    {
        Insights when !forecasterIsModel =>
            $"Explanations (feature importance, attention over the look-back, counterfactuals) come from the TFT model's own internals. The server is forecasting with the baseline \"{forecaster}\", which has no internals to explain, so this tab needs the TFT model to be loaded.",
        Insights => "The server does not publish explanations to the dashboard yet.",
        _ => "The server does not provide data for this tab yet.",
    };
}
