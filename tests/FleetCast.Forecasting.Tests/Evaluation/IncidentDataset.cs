using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Evaluation;

/// <summary>One web server at 50 on every metric; cpu_user crosses critical (95) at step 200 after a
/// long quiet run, then hovers above warning (85) and crosses again at 215 without a quiet run.</summary>
internal static class IncidentDataset
{
    public const int CrossingStep = 200;

    public static FleetDataset Create(int steps = 400) => TestSeries.Dataset(1, steps, (s, t, m) => Value(t, m));

    private static float Value(int t, int m)
    {
        if (m != (int)Metric.CpuUserPct)
        {
            return 50f;
        }

        return t switch
        {
            >= 200 and <= 205 => 96f,
            >= 206 and <= 214 => 90f,
            215 => 96f,
            _ => 50f,
        };
    }
}
