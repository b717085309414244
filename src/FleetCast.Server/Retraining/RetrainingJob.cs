namespace FleetCast.Server.Retraining;

/// <summary>One retraining job's progress, written by the job's thread and read by the API (a snapshot under a lock).</summary>
public sealed class RetrainingJob
{
    public const string Running = "running";

    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private RetrainingJobView _view;

    public RetrainingJob(long id, string trigger, DateTimeOffset startedAt)
    {
        _view = new RetrainingJobView(id, trigger, Running, "starting", 0, startedAt, null, null, null, null, null);
    }

    public long Id => _view.Id;

    /// <summary>Completes when the job ended, whatever the outcome.</summary>
    public Task Completion => _done.Task;

    public RetrainingJobView View()
    {
        lock (_gate)
        {
            return _view;
        }
    }

    public void Report(string phase, double progress)
    {
        lock (_gate)
        {
            _view = _view with { Phase = phase, Progress = Math.Clamp(progress, 0, 1) };
        }
    }

    public void Scored(HeldOutScore candidate, HeldOutScore current)
    {
        lock (_gate)
        {
            _view = _view with { Candidate = candidate, Current = current };
        }
    }

    public void Finish(string state, string message, DateTimeOffset at, long? modelId = null)
    {
        lock (_gate)
        {
            _view = _view with { State = state, Phase = "done", Progress = 1, Message = message, FinishedAt = at, ModelId = modelId };
        }

        _done.TrySetResult();
    }
}
