using FleetCast.Core.Metrics;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>One PromQL instant query per FleetCast metric over the node_exporter series a selector picks,
/// aggregated by the server-name label (and "profile", when the targets carry it). They compute what
/// <see cref="NodeExporterMapping"/> computes from two scrapes; metrics without a query stay missing.</summary>
public sealed class PrometheusQueries
{
    public const string ProfileLabel = "profile";

    private readonly string _selector;
    private readonly string _by;
    private readonly string _window;

    public PrometheusQueries(string selector, string nameLabel, string mount, int rateWindowSeconds)
    {
        ArgumentNullException.ThrowIfNull(selector);
        _selector = selector.Trim().TrimStart('{').TrimEnd('}').Trim();
        _by = $"by ({nameLabel}, {ProfileLabel})";
        _window = $"[{rateWindowSeconds}s]";
        var fs = $"mountpoint=\"{Escape(mount)}\"";
        var used = $"(max {_by} ({Series("node_filesystem_size_bytes", fs)}) - max {_by} ({Series("node_filesystem_free_bytes", fs)}))";
        var swapTotal = $"sum {_by} ({Series("node_memory_SwapTotal_bytes")})";
        All =
        [
            (Metric.CpuUserPct, CpuShare("user|nice")),
            (Metric.CpuSysPct, CpuShare("system|irq|softirq")),
            (Metric.CpuIowaitPct, CpuShare("iowait")),
            (Metric.CpuIdlePct, CpuShare("idle")),
            (Metric.MemUsedPct, $"100 * (1 - sum {_by} ({Series("node_memory_MemAvailable_bytes")}) / sum {_by} ({Series("node_memory_MemTotal_bytes")}))"),
            // No swap configured reads as 0 % used, as from a direct scrape.
            (Metric.SwapUsedPct, $"100 * (1 - sum {_by} ({Series("node_memory_SwapFree_bytes")}) / ({swapTotal} > 0)) or ({swapTotal} == 0)"),
            (Metric.DiskUsagePct, $"100 * {used} / ({used} + max {_by} ({Series("node_filesystem_avail_bytes", fs)}))"),
            (Metric.NetInMbS, $"sum {_by} (rate({Series("node_network_receive_bytes_total", "device!=\"lo\"")}{_window})) / 1e6"),
            (Metric.NetOutMbS, $"sum {_by} (rate({Series("node_network_transmit_bytes_total", "device!=\"lo\"")}{_window})) / 1e6"),
            (Metric.BackCloseWait, $"sum {_by} ({Series("node_tcp_connection_states", "state=\"close_wait\"")})"),
            (Metric.LoadAverage, $"max {_by} ({Series("node_load1")})"),
            (Metric.UptimeDays, $"max {_by} ({Series("node_time_seconds")} - {Series("node_boot_time_seconds")}) / 86400"),
        ];
    }

    public IReadOnlyList<(Metric Metric, string Expression)> All { get; }

    public static bool IsLabelName(string? name) =>
        !string.IsNullOrEmpty(name) && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private string CpuShare(string modes) =>
        $"100 * sum {_by} (rate({Series("node_cpu_seconds_total", $"mode=~\"{modes}\"")}{_window})) / sum {_by} (rate({Series("node_cpu_seconds_total")}{_window}))";

    private string Series(string metric, string? matcher = null)
    {
        var matchers = string.Join(",", new[] { _selector, matcher }.Where(m => !string.IsNullOrEmpty(m)));
        return $"{metric}{{{matchers}}}";
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
