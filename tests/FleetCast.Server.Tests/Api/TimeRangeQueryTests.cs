using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>The from/to query values of the history, cascade and cost routes: ISO 8601 with a time zone only,
/// and a default span that never runs before year 1.</summary>
public sealed class TimeRangeQueryTests
{
    private static readonly DateTimeOffset DefaultTo = Samples.Origin;

    [Fact]
    public void TryParse_ToAtYearOne_ClampsTheDefaultStartToTheEarliestTime()
    {
        var valid = TimeRangeQuery.TryParse(null, "0001-01-01T00:00:00Z", DefaultTo, TimeSpan.FromDays(30), out var start, out var end, out var errors);

        Assert.True(valid, string.Join("; ", errors.SelectMany(e => e.Value)));
        Assert.Equal(DateTimeOffset.MinValue, start);
        Assert.Equal(DateTimeOffset.MinValue, end);
    }

    [Fact]
    public void TryParse_ToOneHourAfterYearOne_ClampsAndKeepsTo()
    {
        var valid = TimeRangeQuery.TryParse(null, "0001-01-01T01:00:00Z", DefaultTo, TimeSpan.FromDays(1), out var start, out var end, out _);

        Assert.True(valid);
        Assert.Equal(DateTimeOffset.MinValue, start);
        Assert.Equal(DateTimeOffset.MinValue.AddHours(1), end);
    }

    [Fact]
    public void TryParse_IsoWithOffset_NormalisesToUtc()
    {
        var valid = TimeRangeQuery.TryParse("2026-11-28T09:00:00+01:00", "2026-11-28T12:00:00Z", DefaultTo, TimeSpan.FromDays(1), out var start, out var end, out _);

        Assert.True(valid);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(DefaultTo, end);
    }

    [Theory]
    [InlineData("1/2/2026")]
    [InlineData("12:00")]
    [InlineData("2026-01-05")]
    [InlineData("2026-01-05T12:00:00")]
    [InlineData("2026-01-05T12:00:00Z\n")]
    [InlineData("Mon, 05 Jan 2026 12:00:00 GMT")]
    public void TryParse_NotIsoWithTimeZone_ErrorNamesTheParameterAndTheFormat(string text)
    {
        var fromValid = TimeRangeQuery.TryParse(text, null, DefaultTo, TimeSpan.FromDays(1), out _, out _, out var fromErrors);
        var toValid = TimeRangeQuery.TryParse(null, text, DefaultTo, TimeSpan.FromDays(1), out _, out _, out var toErrors);

        Assert.False(fromValid);
        Assert.False(toValid);
        var fromMessage = Assert.Single(Assert.Single(fromErrors, e => e.Key == "from").Value);
        var toMessage = Assert.Single(Assert.Single(toErrors, e => e.Key == "to").Value);
        Assert.StartsWith("'from' must be ISO 8601 with a time zone", fromMessage, StringComparison.Ordinal);
        Assert.Contains("2026-11-28T14:05:00Z", toMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/alerts/history")]
    [InlineData("/api/v1/alerts/history.csv")]
    [InlineData("/api/v1/history")]
    [InlineData("/api/v1/cascades")]
    [InlineData("/api/v1/cost-avoidance")]
    public async Task Routes_ToAtYearOne_Answer200(string route)
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync($"{route}?to=0001-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/alerts/history", "to=1%2F2%2F2026", "to")]
    [InlineData("/api/v1/history", "from=12:00", "from")]
    [InlineData("/api/v1/cost-avoidance", "from=2026-01-05T12:00:00", "from")]
    public async Task Routes_NotIso_Answer400NamingTheParameter(string route, string query, string field)
    {
        await using var server = await TestServerFixture.StartAsync();

        using var response = await server.Client.GetAsync($"{route}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("ISO 8601 with a time zone", errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }
}
