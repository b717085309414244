namespace FleetCast.DashboardBench;

/// <summary>Least-squares line y = intercept + slope·x, for extrapolations that say they are ones.</summary>
internal sealed record LinearFit(double Intercept, double Slope)
{
    public static LinearFit Of(IEnumerable<(double X, double Y)> points)
    {
        var p = points.ToArray();
        var meanX = p.Average(q => q.X);
        var meanY = p.Average(q => q.Y);
        var sxx = p.Sum(q => (q.X - meanX) * (q.X - meanX));
        var slope = sxx == 0 ? 0 : p.Sum(q => (q.X - meanX) * (q.Y - meanY)) / sxx;
        return new LinearFit(meanY - slope * meanX, slope);
    }

    public double At(double x) => Intercept + Slope * x;
}
