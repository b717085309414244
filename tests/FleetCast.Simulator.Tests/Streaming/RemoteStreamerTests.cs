using System.Net;
using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Simulator.Streaming;
using FleetCast.Simulator.Tests.Shared;

namespace FleetCast.Simulator.Tests.Streaming;

public sealed class RemoteStreamerTests
{
    private static readonly Uri Remote = new("http://127.0.0.1:5999/");

    [Fact]
    public async Task SendAsync_ServerBrieflyDown_RetriesAndDeliversEveryBatchOnceInOrder()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 3, FailureStatus = HttpStatusCode.ServiceUnavailable };
        using var streamer = CreateStreamer(handler, maxBatchSize: 25);
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 60, CriticalIssueProbability = 0 });
        var sent = new List<(string, string)>();

        for (var step = 0; step < 4; step++)
        {
            var samples = simulator.Step();
            sent.AddRange(samples.Select(s => (s.Server, IngestPayload.FormatTimestamp(s.Timestamp))));
            if (step == 2)
            {
                handler.FailuresLeft = 2;
            }

            await streamer.SendAsync(samples);
        }

        var received = handler.Accepted
            .SelectMany(d => d.RootElement.GetProperty("samples").EnumerateArray())
            .Select(s => (s.GetProperty("server").GetString()!, s.GetProperty("timestamp").GetString()!))
            .ToList();
        Assert.Equal(sent, received);
        Assert.Equal(5, streamer.Retries);
        Assert.Equal(sent.Count, streamer.SamplesSent);
        Assert.Equal(12, streamer.BatchesSent);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefusedThenUp_DeliversTheBatch()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 2, FailureStatus = null };
        using var streamer = CreateStreamer(handler);
        var samples = new FleetSimulator(new SimulatorOptions { Servers = 10 }).Step();

        await streamer.SendAsync(samples);

        Assert.Single(handler.Accepted);
        Assert.Equal(3, handler.Requests);
    }

    [Fact]
    public async Task SendAsync_BadRequest_FailsAtOnceWithTheServersMessage()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 1, FailureStatus = HttpStatusCode.BadRequest, FailureBody = "{\"detail\":\"samples[0].metrics.cpu_user_pct must be between 0 and 100\"}" };
        using var streamer = CreateStreamer(handler);
        var samples = new FleetSimulator(new SimulatorOptions { Servers = 10 }).Step();

        var ex = await Assert.ThrowsAsync<RemoteIngestException>(() => streamer.SendAsync(samples));

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Contains("400", ex.Message);
        Assert.Contains("cpu_user_pct must be between 0 and 100", ex.Message);
        Assert.Equal(1, handler.Requests);
        Assert.Empty(handler.Accepted);
    }

    [Fact]
    public async Task SendAsync_TooManyRequests_IsRetried()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 1, FailureStatus = HttpStatusCode.TooManyRequests };
        using var streamer = CreateStreamer(handler);

        await streamer.SendAsync(new FleetSimulator(new SimulatorOptions { Servers = 10 }).Step());

        Assert.Single(handler.Accepted);
        Assert.Equal(1, streamer.Retries);
    }

    [Fact]
    public async Task SendAsync_DownLongerThanRetries_ThrowsAndSendsNothingAfterIt()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 100, FailureStatus = HttpStatusCode.BadGateway };
        using var streamer = CreateStreamer(handler, maxBatchSize: 5, maxRetries: 3);

        var ex = await Assert.ThrowsAsync<RemoteIngestException>(() => streamer.SendAsync(new FleetSimulator(new SimulatorOptions { Servers = 10 }).Step()));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(4, handler.Requests);
        Assert.Equal(0, streamer.BatchesSent);
    }

    [Fact]
    public async Task SendAsync_Payload_HasWireNamesProfileUtcTimestampAndApiKey()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 0 };
        using var streamer = CreateStreamer(handler, apiKey: "secret-key");
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 10 });
        var samples = simulator.Step();

        await streamer.SendAsync(samples);

        Assert.Equal(["secret-key"], handler.ApiKeys);
        Assert.Equal(new Uri("http://127.0.0.1:5999/api/v1/ingest"), handler.Uris.Single());
        var first = handler.Accepted.Single().RootElement.GetProperty("samples")[0];
        Assert.Equal(samples[0].Server, first.GetProperty("server").GetString());
        Assert.Equal("2026-01-05T00:00:00Z", first.GetProperty("timestamp").GetString());
        Assert.Equal("ml_compute", first.GetProperty("profile").GetString());
        var metrics = first.GetProperty("metrics");
        Assert.Equal(MetricCatalog.All.Select(m => m.WireName), metrics.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, metrics.GetProperty("back_close_wait").ValueKind);
        Assert.True(metrics.GetProperty("back_close_wait").TryGetInt64(out _));
        Assert.Equal(samples[0].Values[(int)Metric.MemUsedPct], metrics.GetProperty("mem_used_pct").GetDouble(), 3);
    }

    [Fact]
    public async Task RunAsync_MaxSteps_StreamsThatManySteps()
    {
        using var handler = new FakeIngestHandler { FailuresLeft = 0 };
        using var streamer = CreateStreamer(handler);
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 10 });

        await streamer.RunAsync(simulator, TimeSpan.FromMilliseconds(1), maxSteps: 3);

        var timestamps = handler.Accepted.Select(d => d.RootElement.GetProperty("samples")[0].GetProperty("timestamp").GetString()!).ToArray();
        Assert.Equal(["2026-01-05T00:00:00Z", "2026-01-05T00:05:00Z", "2026-01-05T00:10:00Z"], timestamps);
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesTheField()
    {
        using var handler = new FakeIngestHandler();
        using var http = new HttpClient(handler);

        var ex = Assert.Throws<ArgumentException>(() => new RemoteStreamer(http, new RemoteStreamerOptions { BaseAddress = Remote, MaxBatchSize = 0 }));

        Assert.Contains("MaxBatchSize", ex.Message);
    }

    private static RemoteStreamer CreateStreamer(FakeIngestHandler handler, int maxBatchSize = 5000, int maxRetries = 10, string? apiKey = null) =>
        new(
            new HttpClient(handler, disposeHandler: false),
            new RemoteStreamerOptions
            {
                BaseAddress = Remote,
                ApiKey = apiKey,
                MaxBatchSize = maxBatchSize,
                MaxRetryAttempts = maxRetries,
                InitialRetryDelay = TimeSpan.FromMilliseconds(1),
                MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            });
}
