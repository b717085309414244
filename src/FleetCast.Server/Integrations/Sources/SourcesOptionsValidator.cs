using FleetCast.Core.Profiles;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>Checks the Sources settings; every message names its setting (Sources:Scrape:0:Url, ...).</summary>
public static class SourcesOptionsValidator
{
    public static IReadOnlyList<string> Errors(SourcesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Require(double.IsFinite(options.IntervalSeconds) && options.IntervalSeconds is >= 0.1 and <= 3600,
            $"Sources:IntervalSeconds must be between 0.1 and 3600; got {options.IntervalSeconds}.");
        Require(!string.IsNullOrWhiteSpace(options.DiskMount) && options.DiskMount.StartsWith('/'),
            $"Sources:DiskMount must be an absolute mount point such as /; got '{options.DiskMount}'.");
        Require(options.RetryDelayMilliseconds is >= 1 and <= 600_000, $"Sources:RetryDelayMilliseconds must be between 1 and 600000; got {options.RetryDelayMilliseconds}.");
        Require(options.MaxRetryDelaySeconds is >= 1 and <= 86_400, $"Sources:MaxRetryDelaySeconds must be between 1 and 86400; got {options.MaxRetryDelaySeconds}.");
        Require(options.RequestTimeoutSeconds is >= 1 and <= 300, $"Sources:RequestTimeoutSeconds must be between 1 and 300; got {options.RequestTimeoutSeconds}.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Scrape.Count; i++)
        {
            var target = options.Scrape[i];
            var prefix = $"Sources:Scrape:{i}";
            if (target is null)
            {
                errors.Add($"{prefix} is empty.");
                continue;
            }

            if (!SourceUrl.TryParse(target.Url, SourceUrl.NodeExporterPath, out var url, out var problem))
            {
                errors.Add($"{prefix}:Url {problem}.");
                continue;
            }

            var name = string.IsNullOrWhiteSpace(target.Name) ? SourceServerNames.Sanitize(SourceUrl.HostAndPort(url)) : target.Name.Trim();
            Require(SourceServerNames.IsValid(name), $"{prefix}:Name may contain only {SampleValidator.ServerNameRule}; got '{name}'.");
            Require(names.Add(name), $"{prefix}:Name '{name}' is used by another scrape target; server names must be unique.");
            Require(target.Profile is null || ProfileNames.TryParse(target.Profile, out _),
                $"{prefix}:Profile must be one of {string.Join(", ", ProfileNames.All.Select(ProfileNames.ToWire))}; got '{target.Profile}'.");
        }

        var prometheus = options.Prometheus;
        if (!string.IsNullOrWhiteSpace(prometheus.Url) || !string.IsNullOrWhiteSpace(prometheus.Selector))
        {
            Require(SourceUrl.TryParse(prometheus.Url, "/", out _, out var problem), $"Sources:Prometheus:Url {problem}.");
            Require(!string.IsNullOrWhiteSpace(prometheus.Selector), "Sources:Prometheus:Selector is required with Sources:Prometheus:Url, e.g. job=\"node\".");
            Require(PrometheusQueries.IsLabelName(prometheus.NameLabel), $"Sources:Prometheus:NameLabel must be a label name; got '{prometheus.NameLabel}'.");
            Require(prometheus.RateWindowSeconds is >= 1 and <= 86_400, $"Sources:Prometheus:RateWindowSeconds must be between 1 and 86400; got {prometheus.RateWindowSeconds}.");
        }

        return errors;
    }
}
