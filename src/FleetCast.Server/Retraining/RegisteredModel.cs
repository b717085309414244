namespace FleetCast.Server.Retraining;

/// <summary>A model in the registry as the API shows it.</summary>
/// <param name="Active">The model the engine serves (at most one).</param>
public sealed record RegisteredModel(long Id, string Name, string Path, DateTimeOffset CreatedAt, bool Active, ModelReport? Report);
