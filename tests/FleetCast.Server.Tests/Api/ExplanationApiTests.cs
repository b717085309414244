using System.Net;
using System.Text.Json;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>GET /api/v1/servers/{name}/explanation with a small untrained TFT as the primary forecaster.</summary>
public sealed class ExplanationApiTests
{
    private const int History = 24;
    private static readonly string[] Servers = ["ppdb001", "ppweb001"];

    private static TftConfig SmallConfig() => new()
    {
        LookbackSteps = 16,
        HorizonSteps = 8,
        SeasonSteps = 8,
        HiddenSize = 8,
        VariableSize = 4,
        AttentionHeads = 2,
        Dropout = 0,
    };

    private static Task<TestServerFixture> StartAsync(TftModel model) => TestServerFixture.StartAsync(
        tune: options =>
        {
            options.Forecast.LookbackSteps = 16;
            options.Forecast.WindowSteps = History;
            options.Forecast.HorizonSteps = 8;
        },
        primary: new TftForecaster(model));

    [Fact]
    public async Task GetExplanation_TftPrimary_ReturnsModelValuesThatChangeWithInputs()
    {
        using var model = TftModel.Create(SmallConfig(), seed: 5);
        await using var server = await StartAsync(model);
        var first = TestSamples.StepsAgo(7);
        await server.IngestAsync(TestSamples.Body(Servers, first, steps: History, memory: 50));
        await server.WaitForDataTimeAsync(first);

        var before = await server.GetJsonAsync("/api/v1/servers/ppdb001/explanation");
        var again = await server.GetJsonAsync("/api/v1/servers/ppdb001/explanation");
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 6, memory: 97));
        await server.WaitForDataTimeAsync(last);
        var after = await server.GetJsonAsync("/api/v1/servers/ppdb001/explanation");

        Assert.Equal("tft", before.GetProperty("forecaster").GetString());
        Assert.Equal(16, before.GetProperty("lookbackAttention").GetArrayLength());
        Assert.Equal(1.0, before.GetProperty("encoderImportance").EnumerateArray().Sum(f => f.GetProperty("weight").GetDouble()), 3);
        Assert.Equal(before.GetRawText(), again.GetRawText());
        Assert.NotEqual(Weights(before, "encoderImportance"), Weights(after, "encoderImportance"));
        Assert.NotEqual(Attention(before), Attention(after));
        var counterfactual = Assert.Single(after.GetProperty("counterfactuals").EnumerateArray(), c => c.GetProperty("metric").GetString() == "mem_used_pct");
        Assert.Equal(-20, counterfactual.GetProperty("shift").GetDouble());
        Assert.Contains("mem_used_pct", counterfactual.GetProperty("text").GetString());
        Assert.True(counterfactual.GetProperty("riskAfter").GetDouble() < counterfactual.GetProperty("riskBefore").GetDouble());
    }

    [Fact]
    public async Task GetExplanation_UnknownServer_Returns404()
    {
        using var model = TftModel.Create(SmallConfig(), seed: 6);
        await using var server = await StartAsync(model);
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: History));
        await server.WaitForDataTimeAsync(last);

        using var response = await server.Client.GetAsync("/api/v1/servers/nosuch/explanation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetExplanation_ServerStillWarmingUp_Returns409NamingWarmUpForecaster()
    {
        using var model = TftModel.Create(SmallConfig(), seed: 7);
        await using var server = await StartAsync(model);
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(Servers, last, steps: 5));
        await server.WaitForDataTimeAsync(last);

        using var response = await server.Client.GetAsync("/api/v1/servers/ppdb001/explanation");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("fake-warmup", await response.Content.ReadAsStringAsync());
    }

    private static string Weights(JsonElement explanation, string property) =>
        string.Join(",", explanation.GetProperty(property).EnumerateArray().Select(f => $"{f.GetProperty("feature").GetString()}={f.GetProperty("weight").GetDouble():0.000000}"));

    private static string Attention(JsonElement explanation) =>
        string.Join(",", explanation.GetProperty("lookbackAttention").EnumerateArray().Select(a => a.GetDouble().ToString("0.000000")));
}
