using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

/// <summary>The inspector on WAL files written by SQLite itself, checked against what SQLite then recovers.</summary>
public sealed class WalInspectorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly WalFiles _source;

    public WalInspectorTests() => _source = new WalFiles(_directory.Combine("source.db"));

    [Fact]
    public void Inspect_IntactWal_IsNotDamagedAndKeepsEveryCommit()
    {
        _source.Commit(6);
        var wal = _source.CopyTo(_directory.Path, "copy.db");

        var check = WalInspector.Inspect(wal)!;

        Assert.False(check.IsDamaged);
        Assert.True(check.HeaderValid);
        Assert.Null(check.FirstBrokenFrame);
        Assert.Equal(7, check.KeptCommits); // CREATE TABLE + six inserts
        Assert.Equal(0, check.LostFrames);
        Assert.Equal(WalFiles.FrameCount(wal), check.Frames);
        Assert.Equal(6, WalFiles.CountRows(_directory.Combine("copy.db")));
    }

    [Fact]
    public void Inspect_ByteFlippedInAnEarlyFrame_IsDamageCountingTheCommitsSqliteThenDrops()
    {
        _source.Commit(6);
        var wal = _source.CopyTo(_directory.Path, "copy.db");
        var intact = WalInspector.Inspect(wal)!;
        WalFiles.DamageFrame(wal, 3);

        var check = WalInspector.Inspect(wal)!;

        Assert.True(check.IsDamaged);
        Assert.Equal(3, check.FirstBrokenFrame);
        Assert.Equal(intact.Frames - 2, check.LostFrames);
        Assert.Equal(intact.KeptCommits, check.KeptCommits + check.LostCommits);
        Assert.True(check.LostCommits >= 4);
        Assert.Contains("frame 3 of", check.Describe());
        // SQLite agrees: it recovers only the commits before the break (one of them is the CREATE TABLE).
        Assert.Equal(check.KeptCommits - 1, WalFiles.CountRows(_directory.Combine("copy.db")));
    }

    [Fact]
    public void Inspect_LastCommitFrameDamaged_IsDamage()
    {
        _source.Commit(3);
        var wal = _source.CopyTo(_directory.Path, "copy.db");
        WalFiles.DamageFrame(wal, WalFiles.FrameCount(wal));

        var check = WalInspector.Inspect(wal)!;

        Assert.True(check.IsDamaged);
        Assert.Equal(1, check.LostCommits);
        Assert.Equal(2, WalFiles.CountRows(_directory.Combine("copy.db")));
    }

    [Fact]
    public void Inspect_StaleFramesOfAnEarlierGeneration_AreNormal()
    {
        _source.Commit(8);
        _source.CheckpointRestart();
        _source.Commit(2);
        var wal = _source.CopyTo(_directory.Path, "copy.db");

        var check = WalInspector.Inspect(wal)!;

        Assert.False(check.IsDamaged);
        Assert.Equal(2, check.KeptCommits);
        Assert.True(check.StaleFrames > 0, check.Describe());
        Assert.Equal(0, check.LostFrames);
        Assert.Equal(10, WalFiles.CountRows(_directory.Combine("copy.db")));
    }

    [Fact]
    public void Inspect_TornFrameOfATransactionThatNeverCommitted_IsNotDamage()
    {
        // A kill during a write: the last transaction's first frame is on disk, half written; its commit frame is not.
        _source.Commit(2);
        var framesBefore = WalFiles.FrameCount(_source.CopyTo(_directory.Path, "before.db"));
        _source.Commit(1, rowsEach: 4);
        var wal = _source.CopyTo(_directory.Path, "copy.db");
        WalFiles.Truncate(wal, framesBefore + 1);
        WalFiles.DamageFrame(wal, framesBefore + 1);

        var check = WalInspector.Inspect(wal)!;

        Assert.False(check.IsDamaged, check.Describe());
        Assert.Equal(framesBefore + 1, check.FirstBrokenFrame);
        Assert.Equal(1, check.LostFrames);
        Assert.Equal(0, check.LostCommits);
        Assert.Equal(3, check.KeptCommits);
    }

    [Fact]
    public void Inspect_HeaderDamaged_IsDamageSinceSqliteIgnoresTheWholeFile()
    {
        _source.Commit(3);
        var wal = _source.CopyTo(_directory.Path, "copy.db");
        WalFiles.FlipByte(wal, 17); // salt-1: the header checksum no longer matches

        var check = WalInspector.Inspect(wal)!;

        Assert.True(check.IsDamaged);
        Assert.False(check.HeaderValid);
        Assert.Equal(WalFiles.FrameCount(wal), check.Frames);
        Assert.Contains("header", check.Describe());
    }

    [Fact]
    public void Inspect_NoWal_IsNull()
    {
        Assert.Null(WalInspector.Inspect(_directory.Combine("missing.db-wal")));
    }

    public void Dispose()
    {
        _source.Dispose();
        _directory.Dispose();
    }
}
