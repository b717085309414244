namespace FleetCast.E2E;

/// <summary>Where the tests leave screenshots and downloads: artifacts/e2e at the repository root
/// (git-ignored), or FLEETCAST_E2E_ARTIFACTS when set.</summary>
internal static class Artifacts
{
    private static readonly Lazy<string> FolderPath = new(() =>
    {
        var configured = Environment.GetEnvironmentVariable("FLEETCAST_E2E_ARTIFACTS");
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(RepositoryRoot.Find(), "artifacts", "e2e") : configured;
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string Folder => FolderPath.Value;
}
