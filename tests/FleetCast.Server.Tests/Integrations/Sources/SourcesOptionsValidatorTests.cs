using FleetCast.Server.Hosting;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;

namespace FleetCast.Server.Tests.Integrations.Sources;

public sealed class SourcesOptionsValidatorTests
{
    [Fact]
    public void Errors_ValidTargets_None()
    {
        var options = new SourcesOptions
        {
            Scrape = [new() { Url = "127.0.0.1:9100" }, new() { Url = "https://db1.example:9100/metrics", Name = "ppdb001", Profile = "database" }],
            Prometheus = new() { Url = "http://127.0.0.1:9090", Selector = "job=\"node\"" },
        };

        Assert.Empty(SourcesOptionsValidator.Errors(options));
    }

    [Fact]
    public void Errors_BadSettings_EachNamesItsSetting()
    {
        var options = new FleetCastOptions();
        options.Sources.IntervalSeconds = 0;
        options.Sources.Scrape = [new() { Url = "ftp://x" }, new() { Url = "a:1", Name = "bad name" }, new() { Url = "b:1", Profile = "mainframe" },
            new() { Url = "c:1", Name = "same" }, new() { Url = "d:1", Name = "same" }];
        options.Sources.Prometheus = new() { Url = "http://127.0.0.1:9090", NameLabel = "1x" };

        var errors = FleetCastOptionsValidator.Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Sources:IntervalSeconds", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Scrape:0:Url must be an http(s) URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Scrape:1:Name may contain only", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Scrape:2:Profile must be one of", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Scrape:4:Name 'same' is used by another", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Prometheus:Selector is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sources:Prometheus:NameLabel", StringComparison.Ordinal));
        Assert.Equal(7, errors.Count);
    }

    [Theory]
    [InlineData("127.0.0.1:9100", "http://127.0.0.1:9100/metrics")]
    [InlineData("localhost:9100", "http://localhost:9100/metrics")]
    [InlineData("http://10.0.0.5:9100", "http://10.0.0.5:9100/metrics")]
    [InlineData("https://node.example/custom/path", "https://node.example/custom/path")]
    public void SourceUrl_HostPortOrUrl_NormalisesToScrapeUrl(string text, string expected)
    {
        Assert.True(SourceUrl.TryParse(text, SourceUrl.NodeExporterPath, out var url, out _));
        Assert.Equal(expected, url.ToString());
    }
}
