using System.Diagnostics;
using System.Text;
using FleetCast.Server.Storage;
using Microsoft.Data.Sqlite;

namespace FleetCast.Cli.Tests;

/// <summary><c>fleetcast run</c> as a child process on damaged storage: what the operator sees.</summary>
public sealed class StorageStartTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "fleetcast-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Run_FileThatIsNotADatabase_ExitsNonZeroWithOneMessageNamingTheFileAndNoStackTrace()
    {
        Directory.CreateDirectory(_dataDir);
        var path = Path.Combine(_dataDir, SqliteDatabase.FileName);
        await File.WriteAllBytesAsync(path, Enumerable.Range(0, 16384).Select(i => (byte)(i * 13 + 5)).ToArray());

        var (exitCode, stdout, stderr) = await RunToExitAsync("--port", "0", "--data-dir", _dataDir);

        Assert.Equal(3, exitCode);
        Assert.Contains(path, stderr);
        Assert.Contains("file is not a database", stderr);
        Assert.Contains(".recover", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain("Exception", stdout + stderr);
    }

    [Fact]
    public async Task Run_DataDirectoryHeldByAnotherInstance_ExitsWithOneMessageAndLeavesTheDatabaseAlone()
    {
        using var running = new SqliteDatabase(new SqliteStorageOptions(_dataDir));

        var (exitCode, stdout, stderr) = await RunToExitAsync("--port", "0", "--data-dir", _dataDir);

        Assert.Equal(3, exitCode);
        Assert.Contains($"The data directory {Path.GetFullPath(_dataDir)} is in use by another FleetCast process", stderr);
        Assert.Contains("--data-dir", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.True(running.ProbeWrite());
    }

    [Fact]
    public async Task Run_DamagedWalWithSimulator_ReportsTheDamageAndKeepsACopyThenServes()
    {
        // The simulator reads the newest stored time before the server opens the database; that read must leave
        // the WAL as it found it, or the server's own inspection would find nothing.
        Directory.CreateDirectory(_dataDir);
        var wal = WriteDatabaseWithWal(Path.Combine(_dataDir, SqliteDatabase.FileName));
        using (var stream = new FileStream(wal, FileMode.Open, FileAccess.ReadWrite))
        {
            // Page data of the third frame (32-byte header, then 24 + 4096 bytes a frame).
            stream.Position = 32 + (2 * (24 + 4096)) + 24 + 100;
            var value = stream.ReadByte();
            stream.Position -= 1;
            stream.WriteByte((byte)(value ^ 0x5A));
        }

        var dll = Path.Combine(AppContext.BaseDirectory, "fleetcast.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "run", "--port", "0", "--data-dir", _dataDir, "--servers", "2", "--backfill-steps", "10" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var listening = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, e.Data);
            if (e.Data?.Contains("FleetCast is listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(Deadline);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        string log;
        lock (output)
        {
            log = output.ToString();
        }

        var copy = Assert.Single(Directory.GetFiles(_dataDir, SqliteDatabase.FileName + "-wal.damaged-*"));
        Assert.Contains("write-ahead log of " + Path.Combine(_dataDir, SqliteDatabase.FileName) + " is damaged", log);
        Assert.Contains(copy, log);
        Assert.DoesNotContain("   at ", log);
    }

    /// <summary>A database in WAL mode with six committed transactions still in its WAL (automatic checkpoints
    /// off), both files copied to <paramref name="path"/> while the writer is open, as a crash leaves them.</summary>
    private static string WriteDatabaseWithWal(string path)
    {
        var source = path + ".source";
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 4096; PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE t (v BLOB);";
            command.ExecuteNonQuery();
            for (var i = 0; i < 5; i++)
            {
                command.CommandText = "INSERT INTO t VALUES (randomblob(3000));";
                command.ExecuteNonQuery();
            }

            foreach (var suffix in new[] { "", "-wal" })
            {
                using var input = new FileStream(source + suffix, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var output = File.Create(path + suffix);
                input.CopyTo(output);
            }
        }

        File.Delete(source);
        return path + "-wal";
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "fleetcast.dll");
        Assert.True(File.Exists(dll), $"built CLI not found at {dll}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "run" }.Concat(args))
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"fleetcast did not exit within {Deadline.TotalSeconds} s; output: {stdout}{stderr}");
        }

        // WaitForExitAsync also waits for the redirected streams to reach their end.
        lock (stdout)
        {
            lock (stderr)
            {
                return (process.ExitCode, stdout.ToString(), stderr.ToString());
            }
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
