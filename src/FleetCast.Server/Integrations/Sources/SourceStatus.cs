namespace FleetCast.Server.Integrations.Sources;

/// <summary>One source as <c>GET /api/v1/status</c> lists it.</summary>
/// <param name="State">"pending" until the first read, then "up" or "down".</param>
/// <param name="LastError">The most recent failure's message (kept after recovery, for the record).</param>
/// <param name="ConsecutiveFailures">Failed reads since the last success (0 while up).</param>
public sealed record SourceStatus(string Name, string Kind, string Url, string State, DateTimeOffset? LastSuccess, string? LastError,
    DateTimeOffset? LastErrorAt, int ConsecutiveFailures);
