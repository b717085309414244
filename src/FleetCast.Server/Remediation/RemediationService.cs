using FleetCast.Core.Remediation;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Remediation;

/// <summary>Turns firing alerts into remediation actions by the configured rules and decides them: a dry-run rule
/// records what would run, an approval rule leaves the action pending until someone approves (it then runs once)
/// or rejects it, an automatic rule runs it at once. The per-server cool-down and the fleet's hourly limit apply
/// to every new action. One decision at a time, so limits and status changes never race.</summary>
public sealed partial class RemediationService
{
    public const string AutomaticDecider = "automatic";

    private readonly RemediationActionStore _store;
    private readonly RemediationExecutor _executor;
    private readonly RemediationOptions _options;
    private readonly RemediationThrottle _throttle;
    private readonly TimeProvider _time;
    private readonly ILogger<RemediationService> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RemediationService(RemediationActionStore store, RemediationExecutor executor, RemediationOptions options, TimeProvider time,
        ILogger<RemediationService> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _executor = executor ?? throw new ArgumentNullException(nameof(executor));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Rules = ConfiguredRemediationRule.FromOptions(options);
        _throttle = new RemediationThrottle(TimeSpan.FromMinutes(options.CooldownMinutes), options.MaxActionsPerHour);
    }

    public IReadOnlyList<ConfiguredRemediationRule> Rules { get; }

    public RemediationOptions Options => _options;

    public bool Enabled => Rules.Count > 0;

    /// <summary>Creates (and for automatic rules runs) the actions of alerts that match a rule for the first time in their lifecycle.</summary>
    /// <returns>The actions created, in their state after this call.</returns>
    public async Task<IReadOnlyList<RemediationAction>> HandleAsync(IEnumerable<RemediationTrigger> triggers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        var created = new List<RemediationAction>();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var trigger in triggers)
            {
                foreach (var rule in Rules.Where(r => r.Rule.Matches(trigger) && !_store.Exists(r.Name, trigger)))
                {
                    if (await CreateAsync(rule, trigger, cancellationToken) is { } action)
                    {
                        created.Add(action);
                    }
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return created;
    }

    /// <summary>Approves a pending action and runs it once; returns it with its result.</summary>
    public async Task<RemediationAction> ApproveAsync(long id, RemediationDecisionRequest? request, string via, CancellationToken cancellationToken = default)
    {
        var who = Who(request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ExpireOverdue();
            var now = _time.GetUtcNow();
            if (!_store.TryStart(id, who, via, now))
            {
                throw NotPending(id, "approved");
            }

            var action = _store.Get(id)!;
            LogDecided(_logger, id, action.Rule, action.Server, "approved", who, via);
            return await RunAsync(action, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<RemediationAction> RejectAsync(long id, RemediationDecisionRequest? request, string via, CancellationToken cancellationToken = default)
    {
        var who = Who(request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ExpireOverdue();
            if (!_store.TryReject(id, who, via, AlertActionValidator.Normalise(request?.Comment), _time.GetUtcNow()))
            {
                throw NotPending(id, "rejected");
            }

            var action = _store.Get(id)!;
            LogDecided(_logger, id, action.Rule, action.Server, "rejected", who, via);
            return action;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RemediationAction> Actions(int limit = 100, string? status = null) => _store.List(limit, status);

    /// <summary>Pending actions older than the approval timeout expire (they can no longer run).</summary>
    public int ExpireOverdue()
    {
        var now = _time.GetUtcNow();
        return _store.ExpirePending(now - TimeSpan.FromMinutes(_options.ApprovalTimeoutMinutes), now);
    }

    /// <summary>Deletes finished actions older than Remediation:RetentionDays (the audit log's horizon).</summary>
    public int Trim() => _store.DeleteFinishedBefore(_time.GetUtcNow() - TimeSpan.FromDays(_options.RetentionDays));

    /// <summary>Marks actions left running by an earlier process as failed (they are not run again).</summary>
    public int FailInterrupted() => _store.FailInterrupted(_time.GetUtcNow());

    private async Task<RemediationAction?> CreateAsync(ConfiguredRemediationRule rule, RemediationTrigger trigger, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_throttle.Refusal(now, _store.LastCountedFor(trigger.Server), _store.CountedSince(now - TimeSpan.FromHours(1))) is { } refusal)
        {
            return _store.Insert(rule, trigger, RemediationStatus.Suppressed, now, reason: refusal);
        }

        var action = rule.Rule.Mode switch
        {
            RemediationMode.Automatic => _store.Insert(rule, trigger, RemediationStatus.Running, now, decidedBy: AutomaticDecider),
            RemediationMode.Approval => _store.Insert(rule, trigger, RemediationStatus.Pending, now),
            _ => _store.Insert(rule, trigger, RemediationStatus.DryRun, now),
        };
        if (action is null)
        {
            return null;
        }

        LogCreated(_logger, action.Id, rule.Name, trigger.Server, trigger.Metric, action.Status, action.Target);
        return action.Status == RemediationStatus.Running ? await RunAsync(action, cancellationToken) : action;
    }

    private async Task<RemediationAction> RunAsync(RemediationAction action, CancellationToken cancellationToken)
    {
        RemediationResult result;
        if (Rules.FirstOrDefault(r => r.Name == action.Rule) is not { } rule)
        {
            result = new RemediationResult(false, null, null, null, $"rule '{action.Rule}' is no longer configured; nothing was run");
        }
        else
        {
            try
            {
                result = await _executor.RunAsync(rule, action, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result = new RemediationResult(false, null, null, null, $"{e.GetType().Name}: {e.Message}");
            }
        }

        _store.Finish(action.Id, result, _time.GetUtcNow());
        LogFinished(_logger, action.Id, action.Rule, action.Server, result.Succeeded, result.HttpStatus, result.ExitCode, result.Error);
        return _store.Get(action.Id)!;
    }

    private static string Who(RemediationDecisionRequest? request)
    {
        var errors = AlertActionValidator.Errors(request is null ? null : new AcknowledgeRequest(request.Who, request.Comment));
        if (errors.Count > 0)
        {
            throw new RemediationActionException(RemediationActionError.Invalid, "The decision is invalid; nothing was changed.", errors);
        }

        return request!.Who!.Trim();
    }

    private RemediationActionException NotPending(long id, string verb) => _store.Get(id) is { } action
        ? new RemediationActionException(RemediationActionError.NotPending, $"Action {id} is {action.Status}, not pending; it cannot be {verb}.")
        : new RemediationActionException(RemediationActionError.NotFound, $"No remediation action has id {id}.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Remediation action {Id} ({Rule}) for {Server}/{Metric}: {Status}: {Target}")]
    private static partial void LogCreated(ILogger logger, long id, string rule, string server, string metric, string status, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Remediation action {Id} ({Rule}) for {Server} {Decision} by {Who} ({Via})")]
    private static partial void LogDecided(ILogger logger, long id, string rule, string server, string decision, string who, string via);

    [LoggerMessage(Level = LogLevel.Information, Message = "Remediation action {Id} ({Rule}) for {Server} finished: succeeded {Succeeded}, HTTP {HttpStatus}, exit {ExitCode}, error {Error}")]
    private static partial void LogFinished(ILogger logger, long id, string rule, string server, bool succeeded, int? httpStatus, int? exitCode, string? error);
}
