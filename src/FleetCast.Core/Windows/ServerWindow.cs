using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Windows;

/// <summary>A server's recent history on the fixed model step, oldest first, ready for a forecaster.
/// <see cref="Values"/> is row-major [step, metric] with <see cref="MetricCatalog.Count"/> columns;
/// gaps are forward-filled. <see cref="Observed"/> says which metrics were ever seen (a metric never
/// seen holds its last-known or 0 and must not be scored).</summary>
public sealed class ServerWindow
{
    public ServerWindow(string server, ServerProfile profile, DateTimeOffset lastStepTime, int stepSeconds, float[] values, bool[] observed)
    {
        if (values.Length % MetricCatalog.Count != 0)
        {
            throw new ArgumentException("Values must be a whole number of rows of 14 metrics.", nameof(values));
        }

        Server = server;
        Profile = profile;
        LastStepTime = lastStepTime;
        StepSeconds = stepSeconds;
        Values = values;
        Observed = observed;
    }

    public string Server { get; }

    public ServerProfile Profile { get; }

    /// <summary>Timestamp of the last (newest) step, aligned to the step length.</summary>
    public DateTimeOffset LastStepTime { get; }

    public int StepSeconds { get; }

    public float[] Values { get; }

    public bool[] Observed { get; }

    public int Length => Values.Length / MetricCatalog.Count;

    public float this[int step, Metric metric] => Values[(step * MetricCatalog.Count) + (int)metric];

    public DateTimeOffset TimeOf(int step) => LastStepTime.AddSeconds((double)(step - Length + 1) * StepSeconds);

    /// <summary>The newest value of every metric.</summary>
    public double[] Latest()
    {
        var latest = new double[MetricCatalog.Count];
        var offset = (Length - 1) * MetricCatalog.Count;
        for (var m = 0; m < MetricCatalog.Count; m++)
        {
            latest[m] = Length == 0 || !Observed[m] ? double.NaN : Values[offset + m];
        }

        return latest;
    }

    /// <summary>One metric's series, oldest first.</summary>
    public float[] Series(Metric metric)
    {
        var series = new float[Length];
        for (var t = 0; t < Length; t++)
        {
            series[t] = Values[(t * MetricCatalog.Count) + (int)metric];
        }

        return series;
    }
}
