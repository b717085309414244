namespace FleetCast.Server.Storage;

/// <summary>Another FleetCast process holds the data directory's lock. Two servers on one database would each
/// inspect and recover its write-ahead log and write the same windows; the second start stops instead.
/// <see cref="Exception.Message"/> says which directory and what to do.</summary>
public sealed class DataDirectoryInUseException(string directory, string lockFile, Exception? innerException = null)
    : Exception($"The data directory {directory} is in use by another FleetCast process (it holds {lockFile}). "
        + "Stop that process first, or start this one with another --data-dir.", innerException)
{
    public string Directory { get; } = directory;
}
