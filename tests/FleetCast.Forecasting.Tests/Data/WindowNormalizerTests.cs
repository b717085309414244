using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Tests.Shared;

namespace FleetCast.Forecasting.Tests.Data;

public sealed class WindowNormalizerTests
{
    [Fact]
    public void NormalizeRows_ThenDenormalize_RoundTrips()
    {
        var random = new Random(2);
        var rows = TestSeries.Rows(50, (t, m) => (float)(m * 10 + (random.NextDouble() * 5)));
        var normalizer = WindowNormalizer.Fit(rows);
        var copy = rows.ToArray();

        normalizer.NormalizeRows(copy);
        normalizer.DenormalizeRows(copy);

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], copy[i], 3);
        }
    }

    [Fact]
    public void Fit_KnownSeries_GivesMeanAndStdAndUnitScale()
    {
        var rows = TestSeries.Rows(4, (t, m) => t < 2 ? 10f : 30f);

        var normalizer = WindowNormalizer.Fit(rows);

        Assert.Equal(20f, normalizer.Mean[(int)Metric.CpuUserPct], 4);
        Assert.Equal(10f, normalizer.Std[(int)Metric.CpuUserPct], 4);
        Assert.Equal(1f, normalizer.Normalize(30f, Metric.CpuUserPct), 4);
        Assert.Equal(10f, normalizer.Denormalize(-1f, Metric.CpuUserPct), 4);
    }

    [Fact]
    public void Fit_ConstantSeries_UsesStdFloor()
    {
        var rows = TestSeries.Rows(10, (t, m) => 5f);

        var normalizer = WindowNormalizer.Fit(rows);

        Assert.Equal(WindowNormalizer.DefaultStdFloor(Metric.MemUsedPct), normalizer.Std[(int)Metric.MemUsedPct]);
        Assert.Equal(0.5f, normalizer.Std[(int)Metric.MemUsedPct]);
    }

    [Fact]
    public void Fit_NaNValues_AreSkipped()
    {
        var rows = TestSeries.Rows(3, (t, m) => t == 1 ? float.NaN : 8f + t);

        var normalizer = WindowNormalizer.Fit(rows);

        Assert.Equal(9f, normalizer.Mean[0], 4);
    }

    [Fact]
    public void Fit_PartialRow_ThrowsNamingArgument()
    {
        var error = Assert.Throws<ArgumentException>(() => WindowNormalizer.Fit(new float[15]));

        Assert.Equal("lookback", error.ParamName);
    }
}
