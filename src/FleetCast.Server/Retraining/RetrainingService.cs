using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Retraining;

/// <summary>Runs retraining jobs one at a time on a thread of their own at the lowest priority (one TorchSharp
/// thread), so the engine keeps its step time; starts one by itself when <see cref="AutoRetrainTrigger"/> finds
/// quality degraded persistently, at most once per <see cref="RetrainingOptions.MinIntervalHours"/>.</summary>
public sealed class RetrainingService : BackgroundService
{
    private const int JobsKept = 20;

    private readonly RetrainingRun _run;
    private readonly RetrainingOptions _options;
    private readonly IModelQualitySource _quality;
    private readonly TimeProvider _time;
    private readonly ModelRegistry _registry;
    private readonly ILogger<RetrainingService> _logger;
    private readonly AutoRetrainTrigger _trigger;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, RetrainingJob> _jobs = [];
    private readonly CancellationTokenSource _stopping = new();
    private RetrainingJob? _last;
    private DateTimeOffset? _lastAutoStart;
    private long _lastId;

    public RetrainingService(RetrainingRun run, RetrainingOptions options, IModelQualitySource quality, ModelRegistry registry, TimeProvider time,
        ILogger<RetrainingService> logger)
    {
        _run = run;
        _options = options;
        _quality = quality;
        _time = time;
        _registry = registry;
        _logger = logger;
        _trigger = new AutoRetrainTrigger(options);
        // The minimum interval holds across restarts: the newest retrained candidate marks the last job.
        _lastAutoStart = registry.List().Where(m => m.Report?.Source == "retrained").Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefault();
    }

    public RetrainingStatus Status
    {
        get
        {
            lock (_gate)
            {
                var next = _lastAutoStart?.AddHours(_options.MinIntervalHours);
                return new RetrainingStatus(_options.Auto, _trigger.Consecutive, _options.ConsecutiveMeasurements, _trigger.LastReason,
                    next > _time.GetUtcNow() ? next : null, _last?.View());
            }
        }
    }

    public RetrainingJobView? Job(long id)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? job.View() : null;
        }
    }

    /// <summary>Completes when job <paramref name="id"/> ended (tests); at once for an unknown id.</summary>
    public Task WaitForAsync(long id)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(id, out var job) ? job.Completion : Task.CompletedTask;
        }
    }

    /// <summary>Starts a job; null (nothing started) while one is running.</summary>
    public RetrainingJobView? TryStart(string trigger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        RetrainingJob job;
        lock (_gate)
        {
            if (_last is { } last && last.View().Running)
            {
                return null;
            }

            var now = _time.GetUtcNow();
            _lastId = Math.Max(_lastId + 1, now.ToUnixTimeMilliseconds());
            job = new RetrainingJob(_lastId, trigger, now);
            _jobs[job.Id] = job;
            foreach (var old in _jobs.Keys.Order().Take(Math.Max(0, _jobs.Count - JobsKept)).ToArray())
            {
                _jobs.Remove(old);
            }

            _last = job;
        }

        _logger.LogInformation("Retraining job {Id} started ({Trigger}).", job.Id, trigger);
        var thread = new Thread(() => RunJob(job)) { IsBackground = true, Name = "fleetcast-retraining" };
        thread.Start();
        return job.View();
    }

    /// <summary>One look at the quality report (the loop calls this every <see cref="RetrainingOptions.CheckSeconds"/>;
    /// tests call it directly); returns the job it started, if any.</summary>
    public RetrainingJobView? CheckAuto()
    {
        string? reason;
        lock (_gate)
        {
            reason = _trigger.Observe(_quality.Current);
            if (reason is null || !_options.Auto || _last?.View().Running == true)
            {
                return null;
            }

            if (_lastAutoStart is { } last && _time.GetUtcNow() < last.AddHours(_options.MinIntervalHours))
            {
                return null;
            }

            _lastAutoStart = _time.GetUtcNow();
            _trigger.Reset();
        }

        return TryStart("auto: " + reason);
    }

    /// <summary>Registers the serving model (see <see cref="ModelRegistry.RegisterStartupAsync"/>), then starts the automatic trigger.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _registry.RegisterStartupAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels a running job and waits (bounded by the host's shutdown) for it to stop before storage closes.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task running;
        lock (_gate)
        {
            running = _last?.Completion ?? Task.CompletedTask;
        }

        try
        {
            await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogWarning("The retraining job did not stop within the shutdown time.");
        }
    }

    public override void Dispose()
    {
        _stopping.Cancel();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stop = stoppingToken.Register(_stopping.Cancel);
        if (!_options.Auto)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.CheckSeconds), _time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                CheckAuto();
            }
            catch (Exception exception)
            {
                _logger.LogWarning(exception, "The automatic retraining check failed; it runs again in {Seconds} s.", _options.CheckSeconds);
            }
        }
    }

    private void RunJob(RetrainingJob job)
    {
        if (_options.Niceness > 0 && ThreadNiceness.TryLowerCurrentThread(_options.Niceness) is { } problem)
        {
            _logger.LogDebug("The retraining job runs at normal priority: {Problem}.", problem);
        }

        _run.ExecuteAsync(job, _stopping.Token).GetAwaiter().GetResult();
        var view = job.View();
        _logger.LogInformation("Retraining job {Id} ended: {State}. {Message}", view.Id, view.State, view.Message);
    }
}
