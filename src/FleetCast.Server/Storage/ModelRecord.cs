namespace FleetCast.Server.Storage;

/// <summary>A registered model: where its files are, its training report (JSON) and whether it serves.</summary>
public sealed record ModelRecord(long Id, string Name, string Path, DateTimeOffset CreatedAt, string? ReportJson, bool Active);
