namespace FleetCast.Server.Retraining;

/// <summary>The registry and the retraining service behind <see cref="IModelManagement"/>.</summary>
public sealed class ModelManagement(ModelRegistry registry, RetrainingService retraining) : IModelManagement
{
    public IReadOnlyList<RegisteredModel> Models => registry.List();

    public RetrainingStatus Retraining => retraining.Status;

    public RetrainingJobView? StartRetraining(string trigger) => retraining.TryStart(trigger);

    public Task<RegisteredModel?> ActivateAsync(long id, CancellationToken cancellationToken = default) => registry.ActivateAsync(id, cancellationToken);
}
