namespace FleetCast.Forecasting.Tft;

/// <summary>Finds a model directory given relative to the repository root: tried in the current
/// directory and each of its parents, then beside the running program (where the CLI's build copies
/// models/default).</summary>
public static class ModelLocator
{
    /// <summary>The first existing directory holding a <see cref="TftModel.ManifestFile"/>, or null.</summary>
    public static string? Find(string relativeOrAbsolute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativeOrAbsolute);
        if (Path.IsPathRooted(relativeOrAbsolute))
        {
            return HasManifest(relativeOrAbsolute) ? relativeOrAbsolute : null;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relativeOrAbsolute);
            if (HasManifest(candidate))
            {
                return candidate;
            }
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, relativeOrAbsolute);
        return HasManifest(besideProgram) ? besideProgram : null;
    }

    private static bool HasManifest(string directory) => File.Exists(Path.Combine(directory, TftModel.ManifestFile));
}
