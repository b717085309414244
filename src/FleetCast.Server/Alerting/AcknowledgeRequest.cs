namespace FleetCast.Server.Alerting;

/// <summary>Body of an acknowledgement: who (required) and an optional comment.</summary>
public sealed record AcknowledgeRequest(string? Who, string? Comment = null);
