using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>What the cascade detector remembers of one server: its last few scores and its current stretch of
/// anomalous steps (gaps shorter than <see cref="CascadeOptions.HoldSteps"/> included).</summary>
internal sealed class ServerTrack(ServerProfile profile, int recentSteps)
{
    private readonly double[] _recent = new double[recentSteps];
    private int _recentCount;
    private int _next;
    private long _lastAnomalousStep;

    public ServerProfile Profile { get; set; } = profile;

    public AnomalyScore Latest { get; private set; }

    /// <summary>The step this server was last seen live.</summary>
    public long SeenStep { get; private set; }

    /// <summary>Start of the current anomalous stretch; null when the server is calm.</summary>
    public DateTimeOffset? AnomalousSince { get; private set; }

    public long AnomalousSinceStep { get; private set; }

    public bool IsAnomalous => AnomalousSince is not null;

    /// <summary>Mean score over the last steps it was live (up to the detector's onset window).</summary>
    public double RecentScore
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < _recentCount; i++)
            {
                sum += _recent[i];
            }

            return _recentCount == 0 ? 0 : sum / _recentCount;
        }
    }

    public void Record(long step, DateTimeOffset time, AnomalyScore anomaly, bool anomalous)
    {
        SeenStep = step;
        Latest = anomaly;
        _recent[_next] = anomaly.Score;
        _next = (_next + 1) % _recent.Length;
        _recentCount = Math.Min(_recentCount + 1, _recent.Length);
        if (anomalous)
        {
            if (AnomalousSince is null)
            {
                AnomalousSince = time;
                AnomalousSinceStep = step;
            }

            _lastAnomalousStep = step;
        }
    }

    /// <summary>Ends the anomalous stretch after <paramref name="holdSteps"/> steps without an anomaly (or unseen).</summary>
    public void Expire(long step, int holdSteps)
    {
        if (AnomalousSince is not null && step - _lastAnomalousStep >= holdSteps)
        {
            AnomalousSince = null;
        }
    }
}
