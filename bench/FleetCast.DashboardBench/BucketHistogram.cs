using System.Globalization;

namespace FleetCast.DashboardBench;

/// <summary>A Prometheus histogram as scraped (cumulative counts per upper bound, +Inf last); the
/// difference of two scrapes is what was observed between them, and its quantiles are estimated as
/// Prometheus' histogram_quantile does: linearly inside the bucket that holds the rank.</summary>
internal sealed class BucketHistogram
{
    private readonly (double UpperBound, double Count)[] _buckets;

    private BucketHistogram((double UpperBound, double Count)[] buckets) => _buckets = buckets;

    public double Count => _buckets.Length == 0 ? 0 : _buckets[^1].Count;

    /// <summary>Reads <c>name_bucket{le="…"} count</c> lines from a /metrics text; empty when absent.</summary>
    public static BucketHistogram Parse(string metricsText, string name)
    {
        var prefix = name + "_bucket{le=\"";
        var buckets = metricsText.Split('\n')
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))
            .Select(line =>
            {
                var bound = line[prefix.Length..line.IndexOf('"', prefix.Length)];
                var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
                return (upper, double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            })
            .OrderBy(b => b.upper)
            .ToArray();
        return new BucketHistogram(buckets);
    }

    /// <summary>What was observed after <paramref name="earlier"/> was scraped.</summary>
    public BucketHistogram Since(BucketHistogram earlier) =>
        earlier._buckets.Length == 0
            ? this
            : new BucketHistogram(_buckets.Select((b, i) => (b.UpperBound, b.Count - earlier._buckets[i].Count)).ToArray());

    /// <summary>The estimated quantile in the histogram's unit; NaN when nothing was observed. A rank in
    /// the +Inf bucket gives the largest finite bound (the estimate is then a lower bound).</summary>
    public double Quantile(double fraction)
    {
        if (Count <= 0)
        {
            return double.NaN;
        }

        var rank = fraction * Count;
        var lower = 0.0;
        var below = 0.0;
        foreach (var (upper, cumulative) in _buckets)
        {
            if (cumulative >= rank)
            {
                if (double.IsPositiveInfinity(upper))
                {
                    return lower;
                }

                var inBucket = cumulative - below;
                return inBucket <= 0 ? upper : lower + ((upper - lower) * (rank - below) / inBucket);
            }

            lower = upper;
            below = cumulative;
        }

        return lower;
    }
}
