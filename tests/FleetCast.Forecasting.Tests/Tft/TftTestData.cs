using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

/// <summary>Small seeded configurations and toy fleets with a daily rhythm, for fast TFT tests.</summary>
internal static class TftTestData
{
    public const int StepSeconds = 300;

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Steps of history <see cref="SmallConfig"/> reads (look-back 16 + season 8).</summary>
    public const int SmallHistory = 24;

    public static TftConfig SmallConfig(double dropout = 0) => new()
    {
        LookbackSteps = 16,
        HorizonSteps = 8,
        SeasonSteps = 8,
        HiddenSize = 16,
        VariableSize = 8,
        AttentionHeads = 2,
        Dropout = dropout,
    };

    /// <summary>A fleet whose metrics follow a fast "daily" cycle of <paramref name="period"/> steps plus noise.</summary>
    public static FleetDataset ToyFleet(int servers, int steps, int seed, int period = 24)
    {
        var random = new Random(seed);
        var series = new List<ServerSeries>();
        for (var s = 0; s < servers; s++)
        {
            var profile = (ServerProfile)(s % ProfileNames.Count);
            var values = new float[steps * MetricCatalog.Count];
            var phase = random.NextDouble() * 2 * Math.PI;
            var level = 20 + (random.NextDouble() * 30);
            for (var t = 0; t < steps; t++)
            {
                var wave = Math.Sin((2 * Math.PI * t / period) + phase);
                var row = Row(level, wave, t, random);
                row.CopyTo(values.AsSpan(t * MetricCatalog.Count));
            }

            series.Add(new ServerSeries($"ppweb{s:000}", profile, values));
        }

        return new FleetDataset(Start, StepSeconds, seed, series, []);
    }

    public static ServerWindow Window(string server, ServerProfile profile, int steps, int seed)
    {
        var random = new Random(seed);
        var values = new float[steps * MetricCatalog.Count];
        var level = 20 + (random.NextDouble() * 30);
        for (var t = 0; t < steps; t++)
        {
            Row(level, Math.Sin(2 * Math.PI * t / 24), t, random).CopyTo(values.AsSpan(t * MetricCatalog.Count));
        }

        var observed = Enumerable.Repeat(true, MetricCatalog.Count).ToArray();
        return new ServerWindow(server, profile, Start.AddSeconds((double)(steps - 1) * StepSeconds), StepSeconds, values, observed);
    }

    private static float[] Row(double level, double wave, int t, Random random)
    {
        double Noise(double scale) => (random.NextDouble() - 0.5) * 2 * scale;
        var user = Math.Clamp(level + (15 * wave) + Noise(2), 0, 80);
        var sys = Math.Clamp(5 + (2 * wave) + Noise(0.5), 0, 10);
        var iowait = Math.Clamp(3 + wave + Noise(0.5), 0, 10);
        var row = new float[MetricCatalog.Count];
        row[(int)Metric.CpuUserPct] = (float)user;
        row[(int)Metric.CpuSysPct] = (float)sys;
        row[(int)Metric.CpuIowaitPct] = (float)iowait;
        row[(int)Metric.CpuIdlePct] = (float)(100 - user - sys - iowait);
        row[(int)Metric.JavaCpuPct] = (float)(user * 0.6);
        row[(int)Metric.MemUsedPct] = (float)Math.Clamp(55 + (10 * wave) + Noise(1), 0, 100);
        row[(int)Metric.SwapUsedPct] = (float)Math.Clamp(5 + Noise(0.5), 0, 100);
        row[(int)Metric.DiskUsagePct] = (float)(40 + (t * 0.001));
        row[(int)Metric.NetInMbS] = (float)Math.Max(0, 50 + (20 * wave) + Noise(3));
        row[(int)Metric.NetOutMbS] = (float)Math.Max(0, 40 + (15 * wave) + Noise(3));
        row[(int)Metric.BackCloseWait] = (float)Math.Round(Math.Max(0, 4 + (2 * wave) + Noise(1)));
        row[(int)Metric.FrontCloseWait] = (float)Math.Round(Math.Max(0, 3 + wave + Noise(1)));
        row[(int)Metric.LoadAverage] = (float)Math.Max(0, 3 + (1.5 * wave) + Noise(0.2));
        row[(int)Metric.UptimeDays] = (float)(10 + (t * StepSeconds / 86_400.0));
        return row;
    }
}
