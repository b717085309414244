using FleetCast.Core.Metrics;

namespace FleetCast.Simulator.Scenarios;

/// <summary>A scenario's hold on one server: blends from what the server showed before (its previous
/// pull, still live, or its natural values) to the role's shape over <see cref="RampSteps"/> steps.
/// Blending from the previous pull makes degrading → critical and any → healthy continuous.</summary>
internal sealed class ScenarioPull
{
    private const int MaxDepth = 3;

    private ScenarioPull? _previous;
    private int _elapsed;

    public ScenarioPull(string scenario, ScenarioRole role, int rampSteps, ScenarioPull? previous)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rampSteps, 1);
        Scenario = scenario;
        Role = role;
        RampSteps = rampSteps;
        _previous = previous;
        previous?.Truncate(MaxDepth - 1);
    }

    public string Scenario { get; }

    public ScenarioRole Role { get; }

    public int RampSteps { get; }

    public double Progress => Math.Min(1.0, (double)_elapsed / RampSteps);

    /// <summary>A recovery that has fully ramped back: the server is on its own again.</summary>
    public bool IsFinishedRecovery => Role is RecoveryRole && Progress >= 1;

    /// <summary>Moves one step on (and the previous pull with it, until this one has taken over).</summary>
    public void Advance()
    {
        _elapsed++;
        _previous?.Advance();
        if (Progress >= 1)
        {
            _previous = null;
        }
    }

    /// <summary>Rewrites <paramref name="values"/> (natural values in catalog order) in place.
    /// Idle, disk and uptime are never blended: idle is derived from the other CPU components.</summary>
    public void Apply(Span<double> values, Random random)
    {
        Span<double> from = stackalloc double[MetricCatalog.Count];
        values.CopyTo(from);
        _previous?.Apply(from, random);

        Span<double> to = stackalloc double[MetricCatalog.Count];
        values.CopyTo(to);
        Role.Shape(to, random);

        var progress = Progress;
        for (var i = 0; i < MetricCatalog.Count; i++)
        {
            if (i is (int)Metric.CpuIdlePct or (int)Metric.DiskUsagePct or (int)Metric.UptimeDays)
            {
                continue;
            }

            values[i] = from[i] + ((to[i] - from[i]) * progress);
        }
    }

    private void Truncate(int depth)
    {
        if (depth <= 1)
        {
            _previous = null;
            return;
        }

        _previous?.Truncate(depth - 1);
    }
}
