namespace FleetCast.Server.Options;

/// <summary>One node_exporter endpoint (<c>--scrape [NAME=]URL</c>).</summary>
public sealed class ScrapeTargetOptions
{
    /// <summary>http(s) URL; "host:port" means http://host:port/metrics.</summary>
    public string Url { get; set; } = "";

    /// <summary>Server name in FleetCast; default the URL's host:port.</summary>
    public string? Name { get; set; }

    /// <summary>Profile wire name (database, web_api, ...); default from the name by the profile rules (generic when none matches).</summary>
    public string? Profile { get; set; }
}
