using FleetCast.Core.Windows;

namespace FleetCast.Core.Cascades;

/// <summary>A <see cref="ServerAnomalyScorer"/> per server, created on first sight. Not thread-safe.</summary>
public sealed class FleetAnomalyScorer
{
    private readonly Dictionary<string, ServerAnomalyScorer> _servers = new(StringComparer.Ordinal);

    public FleetAnomalyScorer(AnomalyOptions? options = null)
    {
        Options = options ?? AnomalyOptions.Default;
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid anomaly options: " + string.Join(" ", errors), nameof(options));
        }
    }

    public AnomalyOptions Options { get; }

    public int ServerCount => _servers.Count;

    /// <summary>Scores the newest step of the server's window (see <see cref="ServerAnomalyScorer.Observe"/>).</summary>
    public AnomalyScore Observe(ServerWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!_servers.TryGetValue(window.Server, out var scorer))
        {
            scorer = new ServerAnomalyScorer(Options);
            _servers.Add(window.Server, scorer);
        }

        return scorer.Observe(window);
    }

    /// <summary>Drops the baseline of a server that left the fleet.</summary>
    public bool Forget(string server) => _servers.Remove(server);
}
