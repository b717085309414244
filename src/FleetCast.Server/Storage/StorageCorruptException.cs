namespace FleetCast.Server.Storage;

/// <summary>The database file is not a SQLite database or is damaged. <see cref="Exception.Message"/> is
/// the whole story for an operator: the file, what SQLite found, and how to get going again.</summary>
public sealed class StorageCorruptException : Exception
{
    public StorageCorruptException(string filePath, string reason, Exception? innerException = null)
        : base(Describe(filePath, reason), innerException)
    {
        FilePath = filePath;
        Reason = reason;
    }

    public string FilePath { get; }

    /// <summary>What SQLite reported (e.g. "file is not a database", or the first quick_check finding).</summary>
    public string Reason { get; }

    private static string Describe(string path, string reason)
    {
        var name = Path.GetFileName(path);
        var directory = Path.GetDirectoryName(path);
        return $"The database {path} is damaged ({reason}); FleetCast cannot start on it. "
            + $"To recover: move {name} and, if present, {name}-wal and {name}-shm out of {directory} "
            + $"(keep them: `sqlite3 {name} .recover | sqlite3 recovered.db` can save much of the data), "
            + "then start FleetCast again to begin with an empty database (or put a backup in their place).";
    }
}
