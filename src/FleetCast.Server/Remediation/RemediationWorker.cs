using FleetCast.Core.Remediation;
using FleetCast.Server.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Remediation;

/// <summary>Feeds the alerts of each published snapshot to <see cref="RemediationService"/>, off the engine's
/// thread (the engine only hands over the newest snapshot). Idle without rules. A rule acts once per alert
/// lifecycle, which the action table enforces across restarts; alerts already handled in this process are
/// skipped without a read.</summary>
public sealed partial class RemediationWorker(RemediationService remediation, ISnapshotSource snapshots, ILogger<RemediationWorker> logger) : BackgroundService
{
    private static readonly TimeSpan ExpiryCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TrimEvery = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _published = new(0, 1);
    private readonly HashSet<(string Server, string Metric, DateTimeOffset StartedAt, Core.Alerts.AlertSeverity Level)> _seen = [];
    private PublishedSnapshot? _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!remediation.Enabled)
        {
            return;
        }

        var interrupted = remediation.FailInterrupted();
        if (interrupted > 0)
        {
            LogInterrupted(logger, interrupted);
        }

        using var subscription = snapshots.Subscribe(OnPublished);
        var lastTrim = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _published.WaitAsync(ExpiryCheck, stoppingToken);
                remediation.ExpireOverdue();
                if (DateTime.UtcNow - lastTrim >= TrimEvery)
                {
                    remediation.Trim();
                    lastTrim = DateTime.UtcNow;
                }

                if (Interlocked.Exchange(ref _latest, null) is { } published)
                {
                    await HandleAsync(published, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }
        }
    }

    private void OnPublished(PublishedSnapshot published)
    {
        Volatile.Write(ref _latest, published);
        if (_published.CurrentCount == 0)
        {
            try
            {
                _published.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: the worker reads the newest snapshot anyway.
            }
        }
    }

    private async Task HandleAsync(PublishedSnapshot published, CancellationToken cancellationToken)
    {
        var current = RemediationTriggers.Of(published.Snapshot);
        var fresh = current.Where(t => !_seen.Contains(Key(t))).ToList();
        _seen.IntersectWith(current.Select(Key));
        if (fresh.Count == 0)
        {
            return;
        }

        await remediation.HandleAsync(fresh, cancellationToken);
        _seen.UnionWith(fresh.Select(Key));
    }

    /// <summary>An alert lifecycle at one level (an escalation may match further rules); the value changes every step.</summary>
    private static (string, string, DateTimeOffset, Core.Alerts.AlertSeverity) Key(RemediationTrigger trigger) =>
        (trigger.Server, trigger.Metric, trigger.AlertStartedAt, trigger.Level);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} remediation action(s) were running when FleetCast last stopped; they are marked failed and not run again.")]
    private static partial void LogInterrupted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Remediation failed for a snapshot; the next snapshot is tried again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
