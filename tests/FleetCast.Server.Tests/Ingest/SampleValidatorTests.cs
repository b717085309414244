using System.Text;
using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Server.Ingest;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Ingest;

/// <summary>Each rule of <see cref="SampleValidator"/> on typed samples, and that it reports the same paths
/// and messages as <see cref="IngestRequestParser"/> on the equivalent JSON body.</summary>
public sealed class SampleValidatorTests
{
    private static readonly DateTimeOffset Now = Samples.Origin;
    private static readonly DateTimeOffset Earlier = Now.AddMinutes(-5);
    private const string EarlierText = "2026-11-28T11:55:00Z";

    private readonly SampleValidator _validator = new();

    [Fact]
    public void Validate_ValidSamples_ReturnsThemWithTimestampsInUtc()
    {
        var local = new DateTimeOffset(2026, 11, 28, 13, 30, 0, TimeSpan.FromHours(2));
        var samples = new[]
        {
            Samples.Of("ppdb001", Earlier, ServerProfile.Database, (Metric.CpuUserPct, 41.5), (Metric.BackCloseWait, 3)),
            Samples.Of("ppweb001", local, (Metric.LoadAverage, 2.5)),
        };

        var result = _validator.Validate(samples, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        Assert.Same(samples[0], result.Samples[0]);
        Assert.Equal(TimeSpan.Zero, result.Samples[1].Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 30, 0, TimeSpan.Zero), result.Samples[1].Timestamp);
        Assert.True(double.IsNaN(result.Samples[1][Metric.CpuUserPct]), "absent metric must stay missing");
    }

    [Fact]
    public void Validate_OutOfRangeValue_ErrorNamesIndexAndMetricAsTheParserDoes()
    {
        var samples = new[]
        {
            Samples.Of("a", Earlier, (Metric.CpuUserPct, 40)),
            Samples.Of("a", Earlier, (Metric.CpuUserPct, 140)),
        };

        var result = _validator.Validate(samples, Now);

        Assert.False(result.IsValid);
        Assert.Empty(result.Samples);
        Assert.Equal(["cpu_user_pct must be between 0 and 100 %; got 140."], result.Errors["samples[1].metrics.cpu_user_pct"]);
        Assert.Single(result.Errors);
        AssertSameAsParser(result, Body(Item("a", EarlierText, "\"cpu_user_pct\": 40"), Item("a", EarlierText, "\"cpu_user_pct\": 140")));
    }

    [Fact]
    public void Validate_InfiniteValue_RejectedAsNotFinite()
    {
        var result = _validator.Validate([Samples.Of("a", Earlier, (Metric.MemUsedPct, double.PositiveInfinity))], Now);

        Assert.Equal(["mem_used_pct must be a finite number."], result.Errors["samples[0].metrics.mem_used_pct"]);
        AssertSameAsParser(result, Body(Item("a", EarlierText, "\"mem_used_pct\": \"Infinity\"")));
    }

    [Fact]
    public void Validate_FractionalCount_RejectedAsNotWhole()
    {
        var result = _validator.Validate([Samples.Of("a", Earlier, (Metric.BackCloseWait, 2.5))], Now);

        Assert.Contains("must be a whole number", Assert.Single(result.Errors["samples[0].metrics.back_close_wait"]));
        AssertSameAsParser(result, Body(Item("a", EarlierText, "\"back_close_wait\": 2.5")));
    }

    [Fact]
    public void Validate_ImplausibleValue_Rejected()
    {
        var result = _validator.Validate([Samples.Of("a", Earlier, (Metric.NetInMbS, 200_000))], Now);

        Assert.Contains("must be at most", Assert.Single(result.Errors["samples[0].metrics.net_in_mb_s"]));
        AssertSameAsParser(result, Body(Item("a", EarlierText, "\"net_in_mb_s\": 200000")));
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("web 01", "may contain only letters, digits, '.', '_', ':' and '-'")]
    [InlineData("ünicode", "may contain only letters, digits, '.', '_', ':' and '-'")]
    [InlineData("web01\n", "may contain only letters, digits, '.', '_', ':' and '-'")]
    [InlineData(".", "must not be only dots")]
    [InlineData("..", "must not be only dots")]
    [InlineData("-web01", "must not start with '-'")]
    [InlineData("-", "must not start with '-'")]
    public void Validate_BadServerName_ErrorAtServerPath(string server, string message)
    {
        var result = _validator.Validate([Samples.Of(server, Earlier, (Metric.CpuUserPct, 1))], Now);

        Assert.Equal([message], result.Errors["samples[0].server"]);
        AssertSameAsParser(result, Body(Item(server, EarlierText, "\"cpu_user_pct\": 1")));
    }

    [Theory]
    [InlineData("web-01")]
    [InlineData(".web01")]
    [InlineData("web01.")]
    [InlineData("...x")]
    [InlineData("10.0.0.1:9100")]
    public void Validate_GoodServerName_Accepted(string server)
    {
        Assert.True(_validator.Validate([Samples.Of(server, Earlier, (Metric.CpuUserPct, 1))], Now).IsValid);
        Assert.Null(SampleValidator.ServerNameProblem(server));
    }

    [Fact]
    public void Validate_ServerNameTooLong_ErrorGivesTheLimit()
    {
        var server = new string('a', SampleValidator.MaxServerNameLength + 1);

        var result = _validator.Validate([Samples.Of(server, Earlier, (Metric.CpuUserPct, 1))], Now);

        Assert.Equal(["must be at most 128 characters; got 129"], result.Errors["samples[0].server"]);
        AssertSameAsParser(result, Body(Item(server, EarlierText, "\"cpu_user_pct\": 1")));
        Assert.True(_validator.Validate([Samples.Of(server[1..], Earlier, (Metric.CpuUserPct, 1))], Now).IsValid);
    }

    [Fact]
    public void Validate_TimestampTooFarAhead_RejectedAgainstTheCallersNow()
    {
        var ahead = Now.AddSeconds(301);

        var result = _validator.Validate([Samples.Of("a", ahead, (Metric.CpuUserPct, 1))], Now);

        Assert.Equal(["2026-11-28T12:05:01Z is 301 s ahead of the server clock (2026-11-28T12:00:00Z); at most 300 s is allowed"],
            result.Errors["samples[0].timestamp"]);
        AssertSameAsParser(result, Body(Item("a", "2026-11-28T12:05:01Z", "\"cpu_user_pct\": 1")));
        Assert.True(_validator.Validate([Samples.Of("a", ahead, (Metric.CpuUserPct, 1))], ahead).IsValid);
        Assert.True(_validator.Validate([Samples.Of("a", Now.AddSeconds(300), (Metric.CpuUserPct, 1))], Now).IsValid);
    }

    [Fact]
    public void Validate_TimestampOlderThanRetention_Rejected()
    {
        var oldest = new DateTimeOffset(2026, 11, 14, 12, 0, 0, TimeSpan.Zero);
        var validator = new SampleValidator(oldestAccepted: () => oldest);
        var samples = new[]
        {
            Samples.Of("ppdb001", oldest.AddDays(6), (Metric.CpuUserPct, 1)),
            Samples.Of("ppdb001", oldest.AddMinutes(-5), (Metric.CpuUserPct, 1)),
        };

        var result = validator.Validate(samples, Now);

        Assert.Equal(["2026-11-14T11:55:00Z is older than the retention window: samples before 2026-11-14T12:00:00Z (Retention:Days before the newest data) are deleted"],
            result.Errors["samples[1].timestamp"]);
        Assert.Single(result.Errors);
        AssertSameAsParser(result,
            Body(Item("ppdb001", "2026-11-20T12:00:00Z", "\"cpu_user_pct\": 1"), Item("ppdb001", "2026-11-14T11:55:00Z", "\"cpu_user_pct\": 1")),
            new IngestRequestParser(oldestAccepted: () => oldest));
    }

    [Fact]
    public void Validate_NoMetricPresent_ErrorAtMetricsPath()
    {
        var result = _validator.Validate([Samples.Of("a", Earlier)], Now);

        Assert.StartsWith("must contain at least one metric; known: cpu_user_pct", Assert.Single(result.Errors["samples[0].metrics"]));
        AssertSameAsParser(result, Body(Item("a", EarlierText, "")));
    }

    [Fact]
    public void Validate_UndefinedProfile_ErrorAtProfilePath()
    {
        var result = _validator.Validate([Samples.Of("a", Earlier, (ServerProfile)99, (Metric.CpuUserPct, 1))], Now);

        Assert.StartsWith("unknown profile '99'; known: ", Assert.Single(result.Errors["samples[0].profile"]));
    }

    [Fact]
    public void Validate_ValuesOfTheWrongLength_ErrorAtMetricsPath()
    {
        var result = _validator.Validate([new MetricSample("a", Earlier, null, [1.0])], Now);

        Assert.StartsWith("must hold one value per catalog metric", Assert.Single(result.Errors["samples[0].metrics"]));
    }

    [Fact]
    public void Validate_EmptyBatch_ErrorAtListPath()
    {
        var result = _validator.Validate([], Now);

        Assert.Equal(["must contain at least one sample"], result.Errors["samples"]);
        AssertSameAsParser(result, """{ "samples": [] }""");
    }

    [Fact]
    public void Validate_TooManySamples_ErrorAtListPath()
    {
        var validator = new SampleValidator(new IngestOptions { MaxSamplesPerBatch = 2 });
        var sample = Samples.Of("a", Earlier, (Metric.CpuUserPct, 1));

        var result = validator.Validate([sample, sample, sample], Now);

        Assert.Equal(["at most 2 per request; got 3"], result.Errors["samples"]);
        var item = Item("a", EarlierText, "\"cpu_user_pct\": 1");
        AssertSameAsParser(result, Body(item, item, item), new IngestRequestParser(new IngestOptions { MaxSamplesPerBatch = 2 }));
    }

    [Fact]
    public void Validate_SeveralProblems_EveryOneReportedAndCappedAsTheParserCaps()
    {
        var samples = new[]
        {
            Samples.Of("bad name", Now.AddHours(1), (Metric.CpuUserPct, -1), (Metric.MemUsedPct, 101)),
            Samples.Of("b", Earlier, (Metric.SwapUsedPct, 500)),
        };
        var body = Body(
            Item("bad name", "2026-11-28T13:00:00Z", "\"cpu_user_pct\": -1, \"mem_used_pct\": 101"),
            Item("b", EarlierText, "\"swap_used_pct\": 500"));

        var result = _validator.Validate(samples, Now);

        Assert.Equal(5, result.Errors.Count);
        AssertSameAsParser(result, body);

        var capped = new SampleValidator(new IngestOptions { MaxReportedErrors = 2 }).Validate(samples, Now);
        Assert.Contains("3 more errors not shown", Assert.Single(capped.Errors["$"]));
        AssertSameAsParser(capped, body, new IngestRequestParser(new IngestOptions { MaxReportedErrors = 2 }));
    }

    private static string Item(string server, string timestamp, string metrics) =>
        $$"""{ "server": {{JsonSerializer.Serialize(server)}}, "timestamp": "{{timestamp}}", "metrics": { {{metrics}} } }""";

    private static string Body(params string[] items) => $$"""{ "samples": [ {{string.Join(", ", items)}} ] }""";

    private static void AssertSameAsParser(IngestParseResult typed, string body, IngestRequestParser? parser = null)
    {
        var parsed = (parser ?? new IngestRequestParser()).Parse(Encoding.UTF8.GetBytes(body), IngestShape.Samples, Now);

        Assert.False(typed.IsValid);
        Assert.Equal(Flatten(parsed), Flatten(typed));
    }

    private static string[] Flatten(IngestParseResult result) =>
        [.. result.Errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {string.Join(" | ", e.Value)}")];
}
