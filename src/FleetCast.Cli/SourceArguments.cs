using System.CommandLine;
using FleetCast.Server.Ingest;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;

namespace FleetCast.Cli;

/// <summary>Reads <c>--scrape</c>, <c>--prometheus</c> and <c>--prometheus-selector</c> into the Sources
/// settings; given on the command line they replace those from configuration. Errors name the option.</summary>
public static class SourceArguments
{
    public static void Apply(ParseResult parse, RunOptions options, SourcesOptions sources)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sources);
        if (parse.GetValue(options.Scrape) is { Length: > 0 } scrapes)
        {
            sources.Scrape = scrapes.Select(ParseScrape).ToList();
        }

        if (parse.GetValue(options.Prometheus) is { } prometheus)
        {
            if (!SourceUrl.TryParse(prometheus, "/", out _, out var problem))
            {
                throw new ArgumentException($"--prometheus {problem}.");
            }

            sources.Prometheus.Url = prometheus;
            if (string.IsNullOrWhiteSpace(parse.GetValue(options.PrometheusSelector)) && string.IsNullOrWhiteSpace(sources.Prometheus.Selector))
            {
                throw new ArgumentException("--prometheus needs --prometheus-selector, e.g. --prometheus-selector 'job=\"node\"'.");
            }
        }

        if (parse.GetValue(options.PrometheusSelector) is { } selector)
        {
            if (string.IsNullOrWhiteSpace(sources.Prometheus.Url))
            {
                throw new ArgumentException("--prometheus-selector needs --prometheus URL.");
            }

            sources.Prometheus.Selector = selector;
        }
    }

    /// <summary>"URL" or "NAME=URL": the text before the first '=' is a name unless it already looks like a URL.</summary>
    public static ScrapeTargetOptions ParseScrape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string? name = null;
        var url = text.Trim();
        var equals = url.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0 && url.AsSpan(0, equals).IndexOfAny('/', '?') < 0)
        {
            name = url[..equals].Trim();
            url = url[(equals + 1)..].Trim();
            if (!SourceServerNames.IsValid(name))
            {
                throw new ArgumentException($"--scrape '{text}': the name may contain only {SampleValidator.ServerNameRule}.");
            }
        }

        if (!SourceUrl.TryParse(url, SourceUrl.NodeExporterPath, out _, out var problem))
        {
            throw new ArgumentException($"--scrape '{text}': the URL {problem}.");
        }

        return new ScrapeTargetOptions { Name = name, Url = url };
    }
}
