namespace FleetCast.Server.Retraining;

/// <summary>What the dashboard reads and does about models: the registry with scores, the retraining status,
/// starting a job and activating (rolling back to) a registered model.</summary>
public interface IModelManagement
{
    IReadOnlyList<RegisteredModel> Models { get; }

    RetrainingStatus Retraining { get; }

    /// <summary>Starts a retraining job; null while one runs.</summary>
    RetrainingJobView? StartRetraining(string trigger);

    /// <summary>Serves registered model <paramref name="id"/>; null when no such model.</summary>
    /// <exception cref="Forecasting.Tft.ModelLoadException">It does not load; the serving model stays.</exception>
    Task<RegisteredModel?> ActivateAsync(long id, CancellationToken cancellationToken = default);
}
