using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;
using FleetCast.Server.Windows;
using FleetCast.Simulator;
using FleetCast.Simulator.Streaming;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FleetCast.Cli.Tests;

/// <summary>The in-process simulator's typed ingest path against the HTTP (JSON) one.</summary>
public sealed class SimulatorFeederTests
{
    [Fact]
    public async Task Ingest_InvalidSimulatedSample_RejectedWholeWithTheSameErrorsAsTheHttpParser()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 3, Seed = 7, Start = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero) });
        var ingest = new RecordingIngest();
        var feeder = new SimulatorFeeder(simulator, ingest, new SampleValidator(), new WindowStore(), Options.Create(new FleetCastOptions()),
            TimeProvider.System, NullLogger<SimulatorFeeder>.Instance, new BackfillStatus());
        var samples = simulator.Step().ToList();
        samples[1].Values[(int)Metric.CpuUserPct] = 140;

        var typed = await feeder.IngestAsync(samples, CancellationToken.None);
        var http = new IngestRequestParser().Parse(IngestPayload.Serialize(samples), IngestShape.Samples, simulator.Now);

        Assert.NotNull(typed);
        Assert.False(typed.IsValid);
        Assert.Equal(["cpu_user_pct must be between 0 and 100 %; got 140."], typed.Errors["samples[1].metrics.cpu_user_pct"]);
        Assert.Equal(http.Errors.OrderBy(e => e.Key).SelectMany(e => e.Value.Prepend(e.Key)), typed.Errors.OrderBy(e => e.Key).SelectMany(e => e.Value.Prepend(e.Key)));
        Assert.Empty(ingest.Batches);
        Assert.Equal(0, feeder.StepsFed);
    }

    [Fact]
    public async Task Ingest_ValidSimulatedStep_IngestedAsProduced()
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = 3, Seed = 7, Start = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero) });
        var ingest = new RecordingIngest();
        var feeder = new SimulatorFeeder(simulator, ingest, new SampleValidator(), new WindowStore(), Options.Create(new FleetCastOptions()),
            TimeProvider.System, NullLogger<SimulatorFeeder>.Instance, new BackfillStatus());
        var samples = simulator.Step();

        var result = await feeder.IngestAsync(samples, CancellationToken.None);

        Assert.True(result?.IsValid, string.Join("; ", result?.Errors.SelectMany(e => e.Value) ?? []));
        Assert.Equal(samples, Assert.Single(ingest.Batches));
        Assert.Equal(1, feeder.StepsFed);
    }

    private sealed class RecordingIngest : IIngestService
    {
        public List<IReadOnlyList<MetricSample>> Batches { get; } = [];

        public Task<IngestResult> IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
        {
            Batches.Add(samples);
            return Task.FromResult(new IngestResult(samples.Count, 0, 0));
        }
    }
}
