using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Tests.Hosting;

/// <summary>Starting the real host on a damaged WAL and on a damaged database.</summary>
public sealed class StorageIntegrityStartTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Start_DamagedWal_LogsOneErrorNamingTheFileTheLossAndTheCopyThenServes()
    {
        var dataDir = _directory.Combine("data");
        Directory.CreateDirectory(dataDir);
        using (var source = new WalFiles(_directory.Combine("source.db")))
        {
            source.Commit(5);
            WalFiles.DamageFrame(source.CopyTo(dataDir, SqliteDatabase.FileName), 3);
        }

        var logs = new RecordingLoggerProvider();
        await using var server = await TestServerFixture.StartAsync(dataDir, services: s => s.AddSingleton<ILoggerProvider>(logs));

        var database = server.App.Services.GetRequiredService<SqliteDatabase>();
        var error = Assert.Single(logs.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(database.FilePath, error.Message);
        Assert.Contains("committed transaction(s)", error.Message);
        Assert.Contains(database.DamagedWalCopy!, error.Message);
        Assert.True(File.Exists(database.DamagedWalCopy));
        Assert.Contains("ok", await server.Client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Start_FileThatIsNotADatabase_FailsWithStorageCorruptExceptionBeforeServing()
    {
        var dataDir = _directory.Combine("data");
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, SqliteDatabase.FileName);
        await File.WriteAllTextAsync(path, "this is not a SQLite database, just some text that got written over it\n");

        var error = await Assert.ThrowsAsync<StorageCorruptException>(() => TestServerFixture.StartAsync(dataDir));

        Assert.Equal(path, error.FilePath);
        Assert.DoesNotContain("   at ", error.Message);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public IReadOnlyList<(LogLevel Level, string Message)> Entries
        {
            get
            {
                lock (_entries)
                {
                    return [.. _entries];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._entries)
                {
                    owner._entries.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
