namespace FleetCast.Server.Remediation;

/// <summary>What running an action gave: success, the HTTP status or exit code, output (truncated) or an error.</summary>
public sealed record RemediationResult(bool Succeeded, int? HttpStatus, int? ExitCode, string? Output, string? Error);
