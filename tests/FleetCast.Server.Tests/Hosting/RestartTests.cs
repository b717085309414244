using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Hosting;

public sealed class RestartTests
{
    [Fact]
    public async Task Restart_SameDataDir_RestoresSamplesWindowsAndServerHistory()
    {
        using var directory = new TempDirectory();
        var last = TestSamples.StepsAgo(1);
        await using (var first = await TestServerFixture.StartAsync(directory.Path))
        {
            await first.IngestAsync(TestSamples.Body(["ppdb001", "ppweb001"], last, steps: 6, memory: 66));
            await first.WaitForDataTimeAsync(last);
        }

        await using var second = await TestServerFixture.StartAsync(directory.Path);
        await second.WaitForDataTimeAsync(last);

        var fleet = await second.GetJsonAsync("/api/v1/fleet");
        var detail = await second.GetJsonAsync("/api/v1/servers/ppdb001");
        Assert.Equal(2, fleet.GetProperty("servers").GetArrayLength());
        Assert.True(detail.GetProperty("ready").GetBoolean());
        var memory = detail.GetProperty("history").GetProperty("mem_used_pct").EnumerateArray().ToList();
        Assert.Equal(6, memory.Count);
        Assert.All(memory, p => Assert.Equal(66, p.GetProperty("v").GetDouble()));
        Assert.Equal(last, memory[^1].GetProperty("t").GetDateTimeOffset());
    }
}
