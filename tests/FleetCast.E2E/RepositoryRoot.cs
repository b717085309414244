namespace FleetCast.E2E;

/// <summary>The repository root: the first folder above the test assembly that holds FleetCast.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FleetCast.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"FleetCast.sln not found in any folder above {AppContext.BaseDirectory}; run the end-to-end tests from inside the repository.");
    }
}
