using System.CommandLine;
using FleetCast.Cli;
using FleetCast.Server.Hosting;
using FleetCast.Server.Options;

namespace FleetCast.Cli.Tests;

public sealed class SourceArgumentsTests
{
    [Fact]
    public void Run_RepeatedScrape_EachTargetWithNameOrHostPort()
    {
        var settings = Parse("--no-simulator", "--scrape", "127.0.0.1:9100", "--scrape", "ppdb001=http://10.0.0.7:9100/metrics");

        Assert.Equal(2, settings.Sources.Scrape.Count);
        Assert.Null(settings.Sources.Scrape[0].Name);
        Assert.Equal("127.0.0.1:9100", settings.Sources.Scrape[0].Url);
        Assert.Equal("ppdb001", settings.Sources.Scrape[1].Name);
        Assert.Equal("http://10.0.0.7:9100/metrics", settings.Sources.Scrape[1].Url);
        Assert.Empty(FleetCastOptionsValidator.Errors(settings));
    }

    [Fact]
    public void Run_ScrapeUrlWithEqualsInQuery_IsAUrlNotAName()
    {
        var settings = Parse("--scrape", "http://10.0.0.7:9100/metrics?collect[]=cpu");

        Assert.Null(settings.Sources.Scrape[0].Name);
        Assert.Equal("http://10.0.0.7:9100/metrics?collect[]=cpu", settings.Sources.Scrape[0].Url);
    }

    [Fact]
    public void Run_PrometheusWithSelector_SetsBoth()
    {
        var settings = Parse("--prometheus", "http://127.0.0.1:9090", "--prometheus-selector", "job=\"node\"");

        Assert.Equal("http://127.0.0.1:9090", settings.Sources.Prometheus.Url);
        Assert.Equal("job=\"node\"", settings.Sources.Prometheus.Selector);
        Assert.Empty(FleetCastOptionsValidator.Errors(settings));
    }

    [Theory]
    [InlineData("--scrape 'ftp://x:21': the URL must be an http(s) URL or host:port; got 'ftp://x:21'.", "--scrape", "ftp://x:21")]
    [InlineData("--scrape 'web 1=127.0.0.1:9100': the name may contain only", "--scrape", "web 1=127.0.0.1:9100")]
    [InlineData("--scrape 'web1=': the URL must not be empty.", "--scrape", "web1=")]
    [InlineData("--prometheus must be an http(s) URL or host:port; got 'http://'.", "--prometheus", "http://", "--prometheus-selector", "job=\"node\"")]
    [InlineData("--prometheus needs --prometheus-selector", "--prometheus", "http://127.0.0.1:9090")]
    [InlineData("--prometheus-selector needs --prometheus URL.", "--prometheus-selector", "job=\"node\"")]
    public void Run_BadSourceOption_ErrorNamesTheOption(string message, params string[] args)
    {
        var ex = Assert.Throws<ArgumentException>(() => Parse(args));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    private static FleetCastOptions Parse(params string[] args)
    {
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return RunCommand.ToOptions(parse, options);
    }
}
