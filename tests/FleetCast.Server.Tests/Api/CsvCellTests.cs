using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Server.Api;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>Text cells of the API's CSV: RFC 4180 quoting and OWASP's defusing of formula-like values.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    public void Text_FormulaLike_GetsAnApostrophe(string value, string expected)
    {
        Assert.Equal(expected, CsvCell.Text(value));
    }

    [Theory]
    [InlineData("ppdb001", "ppdb001")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("x=1", "x=1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Text_Other_QuotedOnlyWhereNeeded(string? value, string expected)
    {
        Assert.Equal(expected, CsvCell.Text(value));
    }

    [Fact]
    public void AlertHistoryCsv_FormulaLikeServer_IsDefusedAndNegativeNumbersStayNumbers()
    {
        var headline = new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Likely, -5, -7.5, 35);
        var record = new AlertRecord(1, "-cmd|' /C calc'!A0", headline, Samples.Origin, null);

        var row = AlertEndpoints.ToCsv([record]).Split('\n')[1];

        Assert.StartsWith("1,'-cmd|' /C calc'!A0,mem_used_pct,critical,likely,-5,-7.5,35,", row, StringComparison.Ordinal);
    }
}
