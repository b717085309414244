namespace FleetCast.Core.Remediation;

/// <summary>Wire names of <see cref="RemediationMode"/>: dry-run, approval, automatic.</summary>
public static class RemediationModes
{
    public static IReadOnlyList<string> Names { get; } = ["dry-run", "approval", "automatic"];

    public static string ToWire(RemediationMode mode) => Names[(int)mode];

    /// <summary>Blank means the default, dry-run.</summary>
    public static bool TryParse(string? text, out RemediationMode mode)
    {
        var index = string.IsNullOrWhiteSpace(text) ? 0 : Names.ToList().IndexOf(text.Trim().ToLowerInvariant());
        mode = index < 0 ? RemediationMode.DryRun : (RemediationMode)index;
        return index >= 0;
    }
}
