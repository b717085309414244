using FleetCast.Core.Metrics;

namespace FleetCast.Forecasting.Tft;

/// <summary>The model's data contract: which inputs it reads, in which order. A saved model carries
/// <see cref="ContractVersion"/> and these lists; loading rejects a model built for another contract.</summary>
public static class TftFeatures
{
    /// <summary>Bumped whenever inputs, their order or their normalisation change.</summary>
    public const int ContractVersion = 4;

    /// <summary>Observed inputs and targets: the fourteen metrics in catalog order.</summary>
    public static IReadOnlyList<string> Metrics { get; } = MetricCatalog.All.Select(d => d.WireName).ToArray();

    /// <summary>Known inputs, for past and future steps alike (UTC).</summary>
    public static IReadOnlyList<string> TimeFeatures { get; } = ["time_of_day_sin", "time_of_day_cos", "day_of_week_sin", "day_of_week_cos"];

    /// <summary>Known inputs, for past and future steps alike: each metric one season
    /// (<see cref="TftConfig.SeasonSteps"/>) earlier, normalised like the observed metrics.</summary>
    public static IReadOnlyList<string> SeasonalFeatures { get; } = MetricCatalog.All.Select(d => "season_ago_" + d.WireName).ToArray();

    /// <summary>Static inputs: the profile embedding and the window scale (per-metric mean and spread of
    /// the history read, which the per-window normalisation removes from the inputs).</summary>
    public static IReadOnlyList<string> StaticFeatures { get; } = ["profile", "window_scale"];

    /// <summary>Encoder variables: observed metrics, time features, then seasonal metrics.</summary>
    public static IReadOnlyList<string> EncoderFeatures { get; } = [.. Metrics, .. TimeFeatures, .. SeasonalFeatures];

    /// <summary>Decoder variables: time features, then seasonal metrics.</summary>
    public static IReadOnlyList<string> DecoderFeatures { get; } = [.. TimeFeatures, .. SeasonalFeatures];

    public static int MetricCount => MetricCatalog.Count;

    public static int TimeFeatureCount => 4;

    /// <summary>Two numbers per metric: signed log of the mean and log of the standard deviation.</summary>
    public static int ScaleFeatureCount => 2 * MetricCatalog.Count;
}
