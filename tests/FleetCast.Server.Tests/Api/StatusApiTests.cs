using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

public sealed class StatusApiTests
{
    [Fact]
    public async Task Status_DataJumpsFiveSteps_ReportsFourSkippedStepsInTotalAndLastHour()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        var first = last.AddSeconds(-5.0 * TestSamples.StepSeconds);
        await server.IngestAsync(TestSamples.Body(["ppweb001"], first, steps: 2));
        await server.WaitForDataTimeAsync(first);

        // One batch of five newer steps: the engine computes only the newest.
        await server.IngestAsync(TestSamples.Body(["ppweb001"], last, steps: 5));
        await server.WaitForDataTimeAsync(last);
        var skipped = (await server.GetJsonAsync("/api/v1/status")).GetProperty("skippedSteps");

        Assert.Equal(4, skipped.GetProperty("total").GetInt64());
        Assert.Equal(4, skipped.GetProperty("lastHour").GetInt64());
        Assert.Contains("does not catch up", skipped.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Status_NoStepSkipped_ReportsZeroesAndKeepsEarlierFields()
    {
        await using var server = await TestServerFixture.StartAsync();
        var last = TestSamples.StepsAgo(1);
        await server.IngestAsync(TestSamples.Body(["ppweb001"], last, steps: 2));
        await server.WaitForDataTimeAsync(last);

        var status = await server.GetJsonAsync("/api/v1/status");

        Assert.Equal(0, status.GetProperty("skippedSteps").GetProperty("total").GetInt64());
        Assert.Equal(0, status.GetProperty("skippedSteps").GetProperty("lastHour").GetInt64());
        Assert.True(status.GetProperty("running").GetBoolean());
        Assert.True(status.TryGetProperty("stepDurationMs", out _));
        Assert.True(status.TryGetProperty("warmup", out _));
    }
}
