using FleetCast.Forecasting.Baselines;

namespace FleetCast.Forecasting;

/// <summary>The one list of forecasters FleetCast knows by name: the baselines (always available, no
/// model needed) and the TFT (loaded from a model directory, so not created here). The options
/// validator, the server's primary and shadow forecasters and the CLI's evaluation all read it.</summary>
public static class ForecasterCatalog
{
    public const string Tft = "tft";
    public const string LinearTrend = "linear-trend";
    public const string SeasonalNaive = "seasonal-naive";
    public const string HoltWinters = "holt-winters";

    /// <summary>The baselines, in the order they are scored and reported (shadow scoring, evaluation).</summary>
    public static IReadOnlyList<string> Baselines { get; } = [LinearTrend, SeasonalNaive, HoltWinters];

    /// <summary>Every name on the wire: the TFT and the baselines.</summary>
    public static IReadOnlyList<string> Names { get; } = [Tft, .. Baselines];

    public static bool IsBaseline(string name) => Baselines.Contains(name, StringComparer.Ordinal);

    /// <summary>A new baseline forecaster by its wire name.</summary>
    /// <exception cref="ArgumentException">The name is not a baseline (the TFT needs a model; see <c>TftForecaster</c>).</exception>
    public static IForecaster Create(string name) => name switch
    {
        LinearTrend => new LinearTrendForecaster(),
        SeasonalNaive => new SeasonalNaiveForecaster(),
        HoltWinters => new HoltWintersForecaster(),
        _ => throw new ArgumentException($"Unknown baseline '{name}'; one of {string.Join(", ", Baselines.Order(StringComparer.Ordinal))}.", nameof(name)),
    };

    /// <summary>One new forecaster per baseline, in <see cref="Baselines"/> order.</summary>
    public static IForecaster[] CreateBaselines() => [.. Baselines.Select(Create)];
}
