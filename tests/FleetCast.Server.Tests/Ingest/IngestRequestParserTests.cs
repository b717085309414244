using System.Text;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Ingest;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Ingest;

public sealed class IngestRequestParserTests
{
    private static readonly DateTimeOffset Now = Samples.Origin;

    private readonly IngestRequestParser _parser = new();

    [Fact]
    public void Parse_ValidSamples_ReturnsSamplesWithAbsentMetricsMissing()
    {
        var result = Parse("""
            { "samples": [
              { "server": "ppdb001", "timestamp": "2026-11-28T11:55:00Z", "profile": "database",
                "metrics": { "cpu_user_pct": 41.5, "mem_used_pct": 88, "back_close_wait": 3 } },
              { "server": "ppweb001", "timestamp": 1795866000, "metrics": { "load_average": 2.5 } } ] }
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        Assert.Equal(2, result.Samples.Count);
        var first = result.Samples[0];
        Assert.Equal("ppdb001", first.Server);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 55, 0, TimeSpan.Zero), first.Timestamp);
        Assert.Equal(ServerProfile.Database, first.Profile);
        Assert.Equal(41.5, first[Metric.CpuUserPct]);
        Assert.Equal(3, first[Metric.BackCloseWait]);
        Assert.True(double.IsNaN(first[Metric.SwapUsedPct]), "absent metric must be missing, never 0");
        Assert.Null(result.Samples[1].Profile);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795866000), result.Samples[1].Timestamp);
    }

    [Fact]
    public void Parse_BodyStartingWithAByteOrderMark_ReadsTheSamples()
    {
        var json = """{ "samples": [ { "server": "a", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "cpu_user_pct": 1 } } ] }""";
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)];

        var result = _parser.Parse(body, IngestShape.Samples, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        Assert.Equal("a", Assert.Single(result.Samples).Server);
    }

    [Fact]
    public void Parse_OnlyAByteOrderMark_IsAnEmptyBody()
    {
        var result = _parser.Parse(new byte[] { 0xEF, 0xBB, 0xBF }, IngestShape.Samples, Now);

        Assert.False(result.IsValid);
        Assert.Contains("request body is empty", Assert.Single(result.Errors["$"]));
    }

    [Fact]
    public void Parse_TimestampWithOffset_NormalisedToUtc()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": "2026-11-28T13:30:00+02:00", "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.True(result.IsValid);
        Assert.Equal(TimeSpan.Zero, result.Samples[0].Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 11, 30, 0, TimeSpan.Zero), result.Samples[0].Timestamp);
    }

    [Fact]
    public void Parse_OutOfRangeValue_ErrorNamesIndexAndMetric()
    {
        var result = Parse("""
            { "samples": [
              { "server": "a", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "cpu_user_pct": 40 } },
              { "server": "a", "timestamp": "2026-11-28T11:56:00Z", "metrics": { "cpu_user_pct": 140 } } ] }
            """);

        Assert.False(result.IsValid);
        Assert.Empty(result.Samples);
        Assert.Equal(["cpu_user_pct must be between 0 and 100 %; got 140."], result.Errors["samples[1].metrics.cpu_user_pct"]);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void Parse_MissingTimestampAndServer_ReportsBothAsRequired()
    {
        var result = Parse("""{ "samples": [ { "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.Equal(["required"], result.Errors["samples[0].timestamp"]);
        Assert.Equal(["required"], result.Errors["samples[0].server"]);
    }

    [Fact]
    public void Parse_UnknownMetric_ErrorListsKnownMetrics()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { "foo": 1 } } ] }""");

        var message = Assert.Single(result.Errors["samples[0].metrics.foo"]);
        Assert.StartsWith("unknown metric 'foo'; known: cpu_user_pct, cpu_sys_pct", message);
        Assert.Contains("uptime_days", message);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    [InlineData("1e400")]
    public void Parse_NonFiniteValue_ErrorSaysFinite(string value)
    {
        var result = Parse($$"""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { "mem_used_pct": {{value}} } } ] }""");

        Assert.Equal(["mem_used_pct must be a finite number."], result.Errors["samples[0].metrics.mem_used_pct"]);
    }

    [Fact]
    public void Parse_NaNLiteral_MalformedJsonWithPosition()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { "mem_used_pct": NaN } } ] }""");

        var message = Assert.Single(result.Errors["$"]);
        Assert.StartsWith("malformed JSON at line 1, byte ", message);
    }

    [Fact]
    public void Parse_TruncatedJson_MalformedJsonError()
    {
        var result = Parse("""{ "samples": [ { "server": "a",""");

        Assert.Contains("malformed JSON", Assert.Single(result.Errors["$"]));
        Assert.Empty(result.Samples);
    }

    [Fact]
    public void Parse_EmptyBody_ErrorAtRoot()
    {
        var result = Parse("");

        Assert.Equal(["request body is empty; expected a JSON object"], result.Errors["$"]);
    }

    [Fact]
    public void Parse_EmptySamplesList_Rejected()
    {
        var result = Parse("""{ "samples": [] }""");

        Assert.Equal(["must contain at least one sample"], result.Errors["samples"]);
    }

    [Fact]
    public void Parse_EmptyMetricsObject_Rejected()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { } } ] }""");

        Assert.StartsWith("must contain at least one metric", Assert.Single(result.Errors["samples[0].metrics"]));
    }

    [Fact]
    public void Parse_WrongValueType_ErrorSaysNumber()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { "cpu_user_pct": "42" } } ] }""");

        Assert.Equal(["cpu_user_pct must be a JSON number; got a string"], result.Errors["samples[0].metrics.cpu_user_pct"]);
    }

    [Fact]
    public void Parse_FractionalConnectionCount_ErrorSaysWholeNumber()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { "back_close_wait": 2.5 } } ] }""");

        Assert.Equal(["back_close_wait must be a whole number; got 2.5."], result.Errors["samples[0].metrics.back_close_wait"]);
    }

    [Fact]
    public void Parse_TimestampTooFarInTheFuture_Rejected()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": "2026-11-28T12:06:00Z", "metrics": { "cpu_user_pct": 1 } } ] }""");

        var message = Assert.Single(result.Errors["samples[0].timestamp"]);
        Assert.Contains("360 s ahead", message);
        Assert.Contains("at most 300 s", message);
    }

    [Fact]
    public void Parse_TimestampWithinSkew_Accepted()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": "2026-11-28T12:04:00Z", "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("\"2026-11-28T11:00:00\"")]
    [InlineData("\"28/11/2026 11:00\"")]
    [InlineData("\"2026-11-28T11:00:00Z\\n\"")]
    [InlineData("\"11:00Z\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("true")]
    public void Parse_TimestampWithoutOffsetOrNotIso_Rejected(string timestamp)
    {
        var result = Parse($$"""{ "samples": [ { "server": "a", "timestamp": {{timestamp}}, "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.True(result.Errors.ContainsKey("samples[0].timestamp"));
    }

    [Theory]
    [InlineData("\"\"", "must not be empty")]
    [InlineData("\"bad name\"", "may contain only letters, digits, '.', '_', ':' and '-'")]
    [InlineData("42", "must be a string; got a number")]
    public void Parse_InvalidServerName_ErrorNamesServerField(string server, string expected)
    {
        var result = Parse($$"""{ "samples": [ { "server": {{server}}, "timestamp": 1795866000, "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.Equal([expected], result.Errors["samples[0].server"]);
    }

    [Fact]
    public void Parse_ServerNameTooLong_Rejected()
    {
        var name = new string('a', 129);

        var result = Parse($$"""{ "samples": [ { "server": "{{name}}", "timestamp": 1795866000, "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.Equal(["must be at most 128 characters; got 129"], result.Errors["samples[0].server"]);
    }

    [Fact]
    public void Parse_UnknownProfile_ErrorListsKnownProfiles()
    {
        var result = Parse("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "profile": "mainframe", "metrics": { "cpu_user_pct": 1 } } ] }""");

        Assert.Equal(["unknown profile 'mainframe'; known: ml_compute, database, web_api, conductor_mgmt, data_ingest, risk_analytics, generic"],
            result.Errors["samples[0].profile"]);
    }

    [Fact]
    public void Parse_SeveralBadRecords_ReportsEveryErrorAndNoSamples()
    {
        var result = Parse("""
            { "samples": [
              { "server": "a", "timestamp": 1795866000, "metrics": { "cpu_user_pct": -1 } },
              { "server": "b", "timestamp": 1795866000, "metrics": { "cpu_user_pct": 5 } },
              { "server": "c", "metrics": { "swap_used_pct": 101 } } ] }
            """);

        Assert.Empty(result.Samples);
        Assert.Equal(
            ["samples[0].metrics.cpu_user_pct", "samples[2].metrics.swap_used_pct", "samples[2].timestamp"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_TooManySamples_Rejected()
    {
        var parser = new IngestRequestParser(new IngestOptions { MaxSamplesPerBatch = 2 });
        var body = """{ "samples": [ {}, {}, {} ] }""";

        var result = parser.Parse(Encoding.UTF8.GetBytes(body), IngestShape.Samples, Now);

        Assert.Equal(["at most 2 per request; got 3"], result.Errors["samples"]);
    }

    [Fact]
    public async Task ParseAsync_BodyOverTheLimit_ReportsTooLarge()
    {
        var parser = new IngestRequestParser(new IngestOptions { MaxBodyBytes = 100 });
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("{ \"samples\": [" + new string(' ', 200) + "] }"));

        var result = await parser.ParseAsync(body, IngestShape.Samples, Now);

        Assert.True(result.BodyTooLarge);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task ParseAsync_ValidStream_ParsesSamples()
    {
        using var body = new MemoryStream(Encoding.UTF8.GetBytes("""{ "samples": [ { "server": "a", "timestamp": 1795866000, "metrics": { "cpu_idle_pct": 70 } } ] }"""));

        var result = await _parser.ParseAsync(body, IngestShape.Samples, Now);

        Assert.False(result.BodyTooLarge);
        Assert.Equal(70, Assert.Single(result.Samples)[Metric.CpuIdlePct]);
    }

    [Fact]
    public void Parse_CompatRecords_ParsesFlatMetricsAndServerName()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes("""
            { "records": [ { "timestamp": "2026-11-28T11:55:00Z", "server_name": "ppml0001", "profile": "ml_compute",
                             "cpu_user_pct": 45.2, "mem_used_pct": 72.0, "uptime_days": 12.5 } ] }
            """), IngestShape.Records, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        var sample = Assert.Single(result.Samples);
        Assert.Equal("ppml0001", sample.Server);
        Assert.Equal(ServerProfile.MlCompute, sample.Profile);
        Assert.Equal(12.5, sample[Metric.UptimeDays]);
        Assert.True(double.IsNaN(sample[Metric.DiskUsagePct]));
    }

    [Fact]
    public void Parse_CompatRecordsWithBadFields_ErrorsNameRecordIndexAndField()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes("""
            { "records": [
              { "timestamp": 1795866000, "server_name": "a", "cpu_user_pct": 1 },
              { "timestamp": 1795866000, "server_name": "b", "cpu_user_pct": 1 },
              { "timestamp": 1795866000, "cpu_user_pct": 1, "state": "healthy" } ] }
            """), IngestShape.Records, Now);

        Assert.Equal(["required"], result.Errors["records[2].server_name"]);
        Assert.StartsWith("unknown metric 'state'", Assert.Single(result.Errors["records[2].state"]));
        Assert.Equal(2, result.Errors.Count);
    }

    [Fact]
    public void Parse_SamplesBodySentToRecordsShape_SaysRecordsRequired()
    {
        var result = _parser.Parse(Encoding.UTF8.GetBytes("""{ "samples": [] }"""), IngestShape.Records, Now);

        Assert.Equal(["required"], result.Errors["records"]);
        Assert.Equal(["unknown field 'samples'; expected 'records'"], result.Errors["samples"]);
    }

    [Fact]
    public void Parse_ManyErrors_ReportsAtMostTheLimitAndCountsTheRest()
    {
        var parser = new IngestRequestParser(new IngestOptions { MaxReportedErrors = 2 });
        var body = """{ "samples": [ { "server": "a" }, { "server": "b" }, { "server": "c" } ] }""";

        var result = parser.Parse(Encoding.UTF8.GetBytes(body), IngestShape.Samples, Now);

        Assert.Equal(2, result.Errors.Where(e => e.Key != "$").Sum(e => e.Value.Length));
        Assert.Equal(["4 more errors not shown (only the first 2 are reported)"], result.Errors["$"]);
    }

    [Theory]
    [InlineData("net_in_mb_s", 250_000)]
    [InlineData("back_close_wait", 20_000_000)]
    [InlineData("load_average", 1e9)]
    [InlineData("uptime_days", 50_000)]
    public void Parse_OpenEndedMetricBeyondWhatAnyHostReports_RejectedNamingTheField(string metric, double value)
    {
        var result = Parse($$"""
            { "samples": [ { "server": "ppweb001", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "{{metric}}": {{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } } ] }
            """);

        Assert.False(result.IsValid);
        Assert.Contains("must be at most", Assert.Single(result.Errors[$"samples[0].metrics.{metric}"]));
    }

    [Fact]
    public void Parse_TimestampOlderThanRetention_RejectedNamingTheTimestampAndNothingAccepted()
    {
        var parser = new IngestRequestParser(oldestAccepted: () => new DateTimeOffset(2026, 11, 14, 12, 0, 0, TimeSpan.Zero));

        var result = parser.Parse(Encoding.UTF8.GetBytes("""
            { "samples": [
              { "server": "ppdb001", "timestamp": "2026-11-20T00:00:00Z", "metrics": { "cpu_user_pct": 1 } },
              { "server": "ppdb001", "timestamp": "2026-11-14T11:55:00Z", "metrics": { "cpu_user_pct": 1 } } ] }
            """), IngestShape.Samples, Now);

        Assert.False(result.IsValid);
        Assert.Empty(result.Samples);
        Assert.Contains("older than the retention window", Assert.Single(result.Errors["samples[1].timestamp"]));
        Assert.False(result.Errors.ContainsKey("samples[0].timestamp"));
    }

    [Fact]
    public void Parse_RepeatedSamplesKey_RejectsTheWholeBodyNamingTheKey()
    {
        var result = Parse("""
            { "samples": [ { "server": "ppdb001", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "cpu_user_pct": 41.5 } } ],
              "samples": [ { "server": "ppdb002", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "cpu_user_pct": 12 } } ] }
            """);

        Assert.False(result.IsValid);
        Assert.Empty(result.Samples);
        Assert.Contains("samples", Assert.Single(result.Errors["$"]));
    }

    [Fact]
    public void Parse_RepeatedMetricInOneSample_Rejected()
    {
        var result = Parse("""
            { "samples": [ { "server": "ppdb001", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "cpu_user_pct": 41.5, "cpu_user_pct": 99 } } ] }
            """);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Key.Contains("cpu_user_pct", StringComparison.Ordinal) || e.Value.Any(v => v.Contains("cpu_user_pct", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_InvalidUtf8InAString_Is400StyleErrorNotAnException()
    {
        var body = Encoding.UTF8.GetBytes("""{ "samples": [ { "server": "ppdbXX", "timestamp": "2026-11-28T11:55:00Z", "metrics": { "cpu_user_pct": 1 } } ] }""");
        var at = Array.IndexOf(body, (byte)'X');
        body[at] = 0xC3; // a lead byte followed by 'X' (not a continuation byte)

        var result = _parser.Parse(body, IngestShape.Samples, Now);

        Assert.False(result.IsValid);
        Assert.Contains("UTF-8", string.Join(" ", result.Errors.SelectMany(e => e.Value)), StringComparison.OrdinalIgnoreCase);
    }

    private IngestParseResult Parse(string json) => _parser.Parse(Encoding.UTF8.GetBytes(json), IngestShape.Samples, Now);
}
