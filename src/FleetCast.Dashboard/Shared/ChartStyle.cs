namespace FleetCast.Dashboard.Shared;

/// <summary>What every tab's chart options share. ECharts options are built from the view models as plain
/// objects serialised to JSON by the JS interop; data items may carry a "tip" (tooltip text) and a "key"
/// (what a click drills into).</summary>
public static class ChartStyle
{
    // Two decimals are more than a chart can show and cut the option's JSON (17 significant digits per
    // value otherwise) by more than half on the Server tab, for every session that opens it.
    public static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    public static double?[] Round(IReadOnlyList<double?> values)
    {
        var rounded = new double?[values.Count];
        for (var i = 0; i < rounded.Length; i++)
        {
            rounded[i] = Round(values[i]);
        }

        return rounded;
    }
}
