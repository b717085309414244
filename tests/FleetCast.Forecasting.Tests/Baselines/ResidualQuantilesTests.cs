using FleetCast.Forecasting.Baselines;

namespace FleetCast.Forecasting.Tests.Baselines;

public sealed class ResidualQuantilesTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 5.5)]
    [InlineData(0.1, 1.9)]
    [InlineData(0.9, 9.1)]
    [InlineData(1.0, 10.0)]
    public void Quantile_ShuffledOneToTen_MatchesInterpolatedOrderStatistic(double q, double expected)
    {
        float[] values = [7, 3, 10, 1, 9, 2, 8, 4, 6, 5];

        var quantile = ResidualQuantiles.Quantile(values, q);

        Assert.Equal(expected, quantile, 4);
    }

    [Fact]
    public void TailQuantiles_RandomSamplesWithTies_EqualTwoQuantileCalls()
    {
        var random = new Random(9);
        for (var trial = 0; trial < 500; trial++)
        {
            // Sizes around the band case (48 residuals) and beyond the tail limit (fallback path).
            var values = Enumerable.Range(0, random.Next(2, 120)).Select(_ => (float)(random.Next(-30, 30) * 0.37)).ToArray();
            var copy = values.ToArray();

            var (low, high) = ResidualQuantiles.TailQuantiles(values, 0.1, 0.9);

            Assert.Equal(ResidualQuantiles.Quantile(copy, 0.1), low);
            Assert.Equal(ResidualQuantiles.Quantile(copy, 0.9), high);
        }
    }

    [Fact]
    public void Quantile_RandomSamples_MatchesSortedReference()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var values = Enumerable.Range(0, random.Next(1, 60)).Select(_ => (float)random.Next(-20, 20)).ToArray();
            var sorted = values.OrderBy(v => v).ToArray();
            var position = 0.9 * (sorted.Length - 1);
            var lower = (int)Math.Floor(position);
            var expected = lower + 1 < sorted.Length ? sorted[lower] + ((position - lower) * (sorted[lower + 1] - sorted[lower])) : sorted[lower];

            var quantile = ResidualQuantiles.Quantile(values, 0.9);

            Assert.Equal(expected, quantile, 3);
        }
    }
}
