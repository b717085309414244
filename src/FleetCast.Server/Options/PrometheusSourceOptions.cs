namespace FleetCast.Server.Options;

/// <summary>A Prometheus server holding node_exporter series (<c>--prometheus URL --prometheus-selector SELECTOR</c>).</summary>
public sealed class PrometheusSourceOptions
{
    /// <summary>Base URL of the Prometheus server (its HTTP API is under api/v1/); empty = off.</summary>
    public string? Url { get; set; }

    /// <summary>Label matchers that pick the node_exporter targets, e.g. <c>job="node"</c> (braces optional).</summary>
    public string? Selector { get; set; }

    /// <summary>The label that names the server (one FleetCast server per value).</summary>
    public string NameLabel { get; set; } = "instance";

    /// <summary>Range of the rate() behind cpu and network; at least two scrape intervals of that Prometheus.</summary>
    public int RateWindowSeconds { get; set; } = 60;
}
