using FleetCast.Server.Integrations.Sources;

namespace FleetCast.Server.Tests.Integrations.Sources;

public sealed class ExpositionParserTests
{
    [Fact]
    public void Parse_CommentsAndSamples_SkipsCommentsAndReadsEverySample()
    {
        const string Text = """
            # HELP node_load1 1m load average.
            # TYPE node_load1 gauge
            node_load1 0.52
            # some other comment

            node_cpu_seconds_total{cpu="0",mode="idle"} 4037.23
            """;

        var samples = ExpositionParser.Parse(Text);

        Assert.Equal(2, samples.Count);
        Assert.Equal("node_load1", samples[0].Name);
        Assert.Empty(samples[0].Labels);
        Assert.Equal(0.52, samples[0].Value);
        Assert.Equal("node_cpu_seconds_total", samples[1].Name);
        Assert.Equal("0", samples[1].Label("cpu"));
        Assert.Equal("idle", samples[1].Label("mode"));
        Assert.Equal(4037.23, samples[1].Value);
    }

    [Fact]
    public void Parse_LabelValuesWithEscapes_Unescapes()
    {
        var samples = ExpositionParser.Parse("""node_filesystem_size_bytes{mountpoint="/mnt/a \"b\"\\c\nd", device="x",} 1e3""");

        var sample = Assert.Single(samples);
        Assert.Equal("/mnt/a \"b\"\\c\nd", sample.Label("mountpoint"));
        Assert.Equal("x", sample.Label("device"));
        Assert.Equal(1000, sample.Value);
    }

    [Fact]
    public void Parse_SpecialValuesAndTimestamp_ReadsThem()
    {
        var samples = ExpositionParser.Parse("""
            h_bucket{le="+Inf"} +Inf
            a -Inf
            b NaN
            c 1.5e-3 1700000000123
            d 7 -5
            """);

        Assert.Equal(double.PositiveInfinity, samples[0].Value);
        Assert.Equal("+Inf", samples[0].Label("le"));
        Assert.Equal(double.NegativeInfinity, samples[1].Value);
        Assert.True(double.IsNaN(samples[2].Value));
        Assert.Null(samples[2].TimestampMs);
        Assert.Equal(0.0015, samples[3].Value);
        Assert.Equal(1_700_000_000_123, samples[3].TimestampMs);
        Assert.Equal(-5, samples[4].TimestampMs);
    }

    [Theory]
    [InlineData("node_load1", "expected a value")]
    [InlineData("node_load1 abc", "value 'abc' is not a number")]
    [InlineData("node_load1{mode=\"x} 1", "unterminated label value")]
    [InlineData("node_load1{mode=x} 1", "expected a quoted label value")]
    [InlineData("node_load1 1 2.5", "timestamp '2.5'")]
    [InlineData("{mode=\"x\"} 1", "expected a metric name")]
    public void Parse_MalformedLine_ThrowsWithLineNumberAndReason(string line, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => ExpositionParser.Parse("# TYPE x gauge\n" + line));

        Assert.StartsWith("line 2: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
