namespace FleetCast.Server.Remediation;

/// <summary>Body of an approval or rejection: who decides (required) and an optional comment (a rejection's reason).</summary>
public sealed record RemediationDecisionRequest(string? Who, string? Comment = null);
