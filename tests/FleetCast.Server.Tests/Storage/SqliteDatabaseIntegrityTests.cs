using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace FleetCast.Server.Tests.Storage;

/// <summary>What opening the database does with a damaged WAL and a damaged database file.</summary>
public sealed class SqliteDatabaseIntegrityTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string DataDir => _directory.Combine("data");

    [Fact]
    public void Open_DirectoryAlreadyOpen_RefusedNamingItUntilTheFirstIsDisposed()
    {
        var first = new SqliteDatabase(new SqliteStorageOptions(DataDir));

        var error = Assert.Throws<DataDirectoryInUseException>(() => new SqliteDatabase(new SqliteStorageOptions(DataDir)));
        first.Dispose();
        using var reopened = new SqliteDatabase(new SqliteStorageOptions(DataDir));

        Assert.Equal(Path.GetFullPath(DataDir), error.Directory);
        Assert.Contains(Path.Combine(Path.GetFullPath(DataDir), SqliteDatabase.LockFileName), error.Message);
        Assert.Equal(SchemaMigrations.LatestVersion, reopened.SchemaVersion);
    }

    [Fact]
    public void Open_DamagedWal_CopiesItAsideBeforeRecoveryAndOpensOnTheValidPrefix()
    {
        Directory.CreateDirectory(DataDir);
        string wal;
        using (var source = new WalFiles(_directory.Combine("source.db")))
        {
            source.Commit(5);
            wal = source.CopyTo(DataDir, SqliteDatabase.FileName);
        }

        WalFiles.DamageFrame(wal, 3);
        var damaged = File.ReadAllBytes(wal);

        using var database = new SqliteDatabase(new SqliteStorageOptions(DataDir));

        Assert.True(database.WalCheck!.IsDamaged);
        Assert.True(database.WalCheck.LostCommits > 0);
        Assert.NotNull(database.DamagedWalCopy);
        Assert.StartsWith(database.FilePath + "-wal.damaged-", database.DamagedWalCopy);
        Assert.Equal(damaged, File.ReadAllBytes(database.DamagedWalCopy));
        Assert.Equal(SchemaMigrations.LatestVersion, database.SchemaVersion);
    }

    [Fact]
    public void Open_IntactWal_ReportsItAndCopiesNothing()
    {
        Directory.CreateDirectory(DataDir);
        using (var source = new WalFiles(_directory.Combine("source.db")))
        {
            source.Commit(3);
            source.CopyTo(DataDir, SqliteDatabase.FileName);
        }

        using var database = new SqliteDatabase(new SqliteStorageOptions(DataDir));

        Assert.False(database.WalCheck!.IsDamaged);
        Assert.Null(database.DamagedWalCopy);
        Assert.Empty(Directory.GetFiles(DataDir, "*damaged*"));
    }

    [Fact]
    public void Open_NoWal_ChecksNothing()
    {
        using var database = new SqliteDatabase(new SqliteStorageOptions(DataDir));

        Assert.Null(database.WalCheck);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsOneMessageNamingTheFileAndTheRecovery()
    {
        Directory.CreateDirectory(DataDir);
        var path = Path.Combine(DataDir, SqliteDatabase.FileName);
        File.WriteAllBytes(path, Enumerable.Range(0, 8192).Select(i => (byte)(i * 7 + 3)).ToArray());

        var error = Assert.Throws<StorageCorruptException>(() => new SqliteDatabase(new SqliteStorageOptions(DataDir)));

        Assert.Equal(Path.GetFullPath(path), error.FilePath);
        Assert.Contains(Path.GetFullPath(path), error.Message);
        Assert.Contains("file is not a database", error.Message);
        Assert.Contains(".recover", error.Message);
        Assert.Contains("fleetcast.db-wal", error.Message);
    }

    [Fact]
    public async Task Open_DatabaseWithDamagedPages_ThrowsStorageCorruptException()
    {
        using (var database = new SqliteDatabase(new SqliteStorageOptions(DataDir)))
        {
            var samples = Enumerable.Range(0, 2000).Select(i => Samples.Full($"pp{i % 50:000}", Samples.Origin.AddMinutes(i), i)).ToList();
            await new SampleStore(database).AppendAsync(samples);
        }

        SqliteConnection.ClearAllPools();
        var path = Path.Combine(DataDir, SqliteDatabase.FileName);
        Assert.False(File.Exists(path + "-wal"));
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            // Every page after the first (the file header and the start of the schema) overwritten with garbage.
            stream.Position = 4096;
            var garbage = Enumerable.Range(0, (int)(stream.Length - 4096)).Select(i => (byte)(i * 31 + 17)).ToArray();
            stream.Write(garbage);
        }

        var error = Assert.Throws<StorageCorruptException>(() => new SqliteDatabase(new SqliteStorageOptions(DataDir)));

        Assert.Contains(path, error.Message);
        Assert.Contains("start FleetCast again", error.Message);
    }

    [Fact]
    public async Task Open_DatabaseWithAFewDamagedPagesInTheMiddle_QuickCheckFindsThemAndTheMessageIsOneLine()
    {
        using (var database = new SqliteDatabase(new SqliteStorageOptions(DataDir)))
        {
            var samples = Enumerable.Range(0, 4000).Select(i => Samples.Full($"pp{i % 50:000}", Samples.Origin.AddMinutes(i), i)).ToList();
            await new SampleStore(database).AppendAsync(samples);
        }

        SqliteConnection.ClearAllPools();
        var path = Path.Combine(DataDir, SqliteDatabase.FileName);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            // Four pages in the middle of the samples' tree: the schema still reads, the tree does not.
            stream.Position = stream.Length / 4096 / 2 * 4096;
            stream.Write(Enumerable.Range(0, 4 * 4096).Select(i => (byte)(i * 31 + 17)).ToArray());
        }

        var error = Assert.Throws<StorageCorruptException>(() => new SqliteDatabase(new SqliteStorageOptions(DataDir)));

        Assert.StartsWith("quick_check: ", error.Reason, StringComparison.Ordinal);
        Assert.Contains(path, error.Message);
        Assert.DoesNotContain('\n', error.Message); // one log line, though SQLite's finding spans several
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
