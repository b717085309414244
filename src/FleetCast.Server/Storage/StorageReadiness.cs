using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Storage;

/// <summary>Whether storage takes writes, for <c>/readyz</c>. Logs each change of the database's write health
/// once (not every failed batch). While the last write failed, a readiness check tries a probe write (at most
/// once per <see cref="ProbeInterval"/>), so FleetCast turns ready again once space is freed even when no client
/// sends data to a server that is not ready.</summary>
public sealed class StorageReadiness
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;
    private readonly ILogger<StorageReadiness> _logger;
    private readonly Lock _probeLock = new();
    private DateTimeOffset _lastProbe = DateTimeOffset.MinValue;

    public StorageReadiness(SqliteDatabase database, TimeProvider time, ILogger<StorageReadiness> logger)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _database.Health.Changed += Log;
    }

    /// <summary>Null when storage takes writes; otherwise the fault of the last write (after a probe, when one is due).</summary>
    public StorageFault? Check()
    {
        if (_database.Health.Fault is null)
        {
            return null;
        }

        // One probe at a time; a concurrent check answers with the state as it is.
        if (_probeLock.TryEnter())
        {
            try
            {
                var now = _time.GetUtcNow();
                if (now - _lastProbe >= ProbeInterval)
                {
                    _lastProbe = now;
                    _database.ProbeWrite();
                }
            }
            finally
            {
                _probeLock.Exit();
            }
        }

        return _database.Health.Fault;
    }

    private void Log(StorageFault? fault)
    {
        if (fault is null)
        {
            _logger.LogInformation("Storage at {Path} takes writes again; ingest and /readyz are back to normal.", _database.FilePath);
            return;
        }

        var action = fault.Kind == StorageFaultKind.Full
            ? $"free space on the disk of {Path.GetDirectoryName(_database.FilePath)}"
            : "check the disk and the kernel log (dmesg) for errors";
        _logger.LogError("Storage at {Path} cannot be written: {Summary} ({SqliteMessage}). Ingest answers {Status} with Retry-After and /readyz "
            + "is not ready until a write succeeds; nothing of a refused batch is kept. To fix: {Action}.",
            _database.FilePath, fault.Summary, fault.Message, fault.Kind == StorageFaultKind.Full ? 507 : 503, action);
    }
}
