namespace FleetCast.Server.Options;

/// <summary>Where FleetCast pulls samples from besides agents' POSTs ("Sources" section, docs/operations.md).</summary>
public sealed class SourcesOptions
{
    /// <summary>node_exporter endpoints scraped directly (Sources:Scrape:N:Url, :Name, :Profile).</summary>
    public List<ScrapeTargetOptions> Scrape { get; set; } = [];

    /// <summary>A Prometheus server queried for the node_exporter series of a label selector (off while Url is empty).</summary>
    public PrometheusSourceOptions Prometheus { get; set; } = new();

    /// <summary>Seconds between two reads of a source that is up.</summary>
    public double IntervalSeconds { get; set; } = 15;

    /// <summary>Mount point whose filesystem is disk_usage_pct.</summary>
    public string DiskMount { get; set; } = "/";

    /// <summary>First retry delay after a failed read; it doubles per failure up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int RetryDelayMilliseconds { get; set; } = 5_000;

    public int MaxRetryDelaySeconds { get; set; } = 300;

    public int RequestTimeoutSeconds { get; set; } = 10;

    public bool Any => Scrape.Count > 0 || !string.IsNullOrWhiteSpace(Prometheus.Url);
}
