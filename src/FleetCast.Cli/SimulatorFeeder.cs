using System.Diagnostics;
using FleetCast.Core.Samples;
using FleetCast.Server.Hosting;
using FleetCast.Server.Ingest;
using FleetCast.Server.Options;
using FleetCast.Server.Windows;
using FleetCast.Simulator;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FleetCast.Cli;

/// <summary>Feeds the in-process simulator into the server through the same validation as HTTP agents
/// (<see cref="SampleValidator"/> on the typed samples, no JSON round trip) and the same ingest service, with the simulator's clock as "now". On a first start (no stored data)
/// it stores BackfillSteps steps of history first (stored, not replayed through the model: the engine's
/// first step simply sees full windows; no alert is raised on it, see <see cref="BackfillStatus"/>); after a restart it continues from the newest stored data time.
/// Then it produces Speed steps per real second (0 = real time).</summary>
public sealed class SimulatorFeeder(FleetSimulator simulator, IIngestService ingest, SampleValidator validator, IWindowStore windows,
    IOptions<FleetCastOptions> options, TimeProvider time, ILogger<SimulatorFeeder> logger, BackfillStatus backfill) : BackgroundService
{
    private const int BackfillBatchSamples = 20_000;

    public long StepsFed { get; private set; }

    /// <summary>Builds the simulator with its clock placed for this data directory: BackfillSteps steps behind
    /// the wall clock on a first start, or one step after the newest stored sample on a restart.</summary>
    public static FleetSimulator CreateSimulator(FleetCastOptions settings, DateTimeOffset? newestStored = null, DateTimeOffset? now = null)
    {
        var step = settings.Forecast.StepSeconds;
        newestStored ??= StorageStartup.NewestSampleTime(settings.Server.DataDir);
        var wall = now ?? DateTimeOffset.UtcNow;
        var alignedNow = DateTimeOffset.FromUnixTimeSeconds(wall.ToUnixTimeSeconds() / step * step);
        var start = newestStored is { } newest
            ? DateTimeOffset.FromUnixTimeSeconds(newest.ToUnixTimeSeconds() / step * step).AddSeconds(step)
            : alignedNow.AddSeconds(-(double)settings.Simulator.BackfillSteps * step);
        return new FleetSimulator(new SimulatorOptions
        {
            Servers = settings.Simulator.Servers,
            Seed = settings.Simulator.Seed,
            StepSeconds = step,
            Start = start,
            CriticalIssueProbability = settings.Simulator.CriticalIssueProbability,
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var settings = options.Value;
        try
        {
            if (windows.LatestDataTime is null && settings.Simulator.BackfillSteps > 0)
            {
                await BackfillAsync(settings.Simulator.BackfillSteps, stoppingToken);
            }

            await StreamAsync(settings, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the step in progress was either committed whole or not at all.
        }
    }

    private async Task BackfillAsync(int steps, CancellationToken cancellationToken)
    {
        // Steps the engine computes meanwhile score history but raise no alerts on it.
        using var backfilling = backfill.Begin();
        var started = Stopwatch.GetTimestamp();
        var batch = new List<MetricSample>(BackfillBatchSamples + simulator.ServerNames.Count);
        for (var i = 0; i < steps; i++)
        {
            batch.AddRange(simulator.Step());
            if (batch.Count >= BackfillBatchSamples || i == steps - 1)
            {
                await IngestAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        logger.LogInformation("Backfilled {Steps} simulated steps of {Servers} servers in {Elapsed:0.0} s (data time now {Now:O}).",
            steps, simulator.ServerNames.Count, Stopwatch.GetElapsedTime(started).TotalSeconds, simulator.Now);
    }

    private async Task StreamAsync(FleetCastOptions settings, CancellationToken cancellationToken)
    {
        var speed = settings.Simulator.Speed;
        var stepSeconds = settings.Forecast.StepSeconds;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (speed > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(1 / speed), time, cancellationToken);
            }
            else
            {
                // Real time: produce the next step once the wall clock has reached it.
                var next = simulator.Now.AddSeconds(stepSeconds);
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }

            await IngestAsync(simulator.Step(), cancellationToken);
        }
    }

    /// <summary>Validates as HTTP ingest does (the simulator's clock as "now") and ingests; returns the
    /// validation outcome (null for an empty batch).</summary>
    internal async Task<IngestParseResult?> IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken)
    {
        if (samples.Count == 0)
        {
            return null;
        }

        var validated = validator.Validate(samples, simulator.Now);
        if (!validated.IsValid)
        {
            var first = validated.Errors.First();
            logger.LogError("Simulated batch rejected by validation ({Count} paths), e.g. {Path}: {Message}", validated.Errors.Count, first.Key, string.Join("; ", first.Value));
            return validated;
        }

        await ingest.IngestAsync(validated.Samples, cancellationToken);
        StepsFed++;
        return validated;
    }
}
