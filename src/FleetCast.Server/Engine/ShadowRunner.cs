using System.Diagnostics;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Live;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

/// <summary>Runs the shadow baselines' forecasts of one origin on a thread of its own at a lower priority,
/// one run at a time, so neither the engine's step nor the subscribers after the tracker wait for them.
/// The tracker takes the finished batch at its next step.</summary>
internal sealed class ShadowRunner(int niceness, ILogger logger) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;
    private ShadowBatch? _done;

    /// <summary>Starts forecasting <paramref name="reference"/>'s windows with every baseline; false (nothing
    /// started) while the previous run is still going.</summary>
    public bool TryStart(DateTimeOffset origin, IReadOnlyList<LiveObservation> reference, IReadOnlyList<IForecaster> baselines, int horizonSteps)
    {
        if (_stop.IsCancellationRequested || _running is { IsCompleted: false })
        {
            return false;
        }

        _running = Task.Factory.StartNew(() => Run(origin, reference, baselines, horizonSteps, _stop.Token), _stop.Token,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return true;
    }

    /// <summary>The finished batch, once; null while none is waiting.</summary>
    public ShadowBatch? TakeCompleted() => Interlocked.Exchange(ref _done, null);

    /// <summary>Waits for the run in progress (tests and benchmarks); true when none is left running.</summary>
    public bool WaitIdle(TimeSpan timeout) => _running is not { } running || running.Wait(timeout);

    public void Dispose()
    {
        _stop.Cancel();
    }

    private void Run(DateTimeOffset origin, IReadOnlyList<LiveObservation> reference, IReadOnlyList<IForecaster> baselines, int horizonSteps, CancellationToken stop)
    {
        if (niceness > 0 && ThreadNiceness.TryLowerCurrentThread(niceness) is { } problem)
        {
            logger.LogDebug("Shadow forecasts run at normal priority: {Problem}.", problem);
        }

        var started = Stopwatch.GetTimestamp();
        var windows = reference.Select(o => o.Window).ToArray();
        var forecasts = new List<LiveObservation>(reference.Count * (baselines.Count + 1));
        forecasts.AddRange(reference);
        foreach (var baseline in baselines)
        {
            try
            {
                var made = baseline.Forecast(windows, horizonSteps, stop);
                for (var i = 0; i < made.Count; i++)
                {
                    forecasts.Add(reference[i] with { Forecast = made[i] });
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The {Baseline} shadow forecast failed; the others are still scored.", baseline.Name);
            }
        }

        Volatile.Write(ref _done, new ShadowBatch(origin, forecasts, reference.Count, Stopwatch.GetElapsedTime(started)));
    }
}

/// <summary>One shadow origin's forecasts: the serving forecaster's and every baseline's, for the same servers.</summary>
internal sealed record ShadowBatch(DateTimeOffset Origin, IReadOnlyList<LiveObservation> Forecasts, int Servers, TimeSpan Elapsed);
