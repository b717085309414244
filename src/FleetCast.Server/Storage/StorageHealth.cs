namespace FleetCast.Server.Storage;

/// <summary>Whether the last write to the database succeeded. A write that fails with a storage fault
/// (disk full, I/O error) sets <see cref="Fault"/>; the next write that commits clears it.</summary>
public sealed class StorageHealth
{
    private readonly Lock _lock = new();
    private StorageFault? _fault;
    private long _full;
    private long _ioErrors;

    /// <summary>Raised after the state changed: a fault began (or changed kind), or a write succeeded after one.
    /// The argument is the new fault, null on recovery. Runs on the writing thread.</summary>
    public event Action<StorageFault?>? Changed;

    /// <summary>The fault of the last write, or null when it committed (or nothing was written yet).</summary>
    public StorageFault? Fault
    {
        get
        {
            lock (_lock)
            {
                return _fault;
            }
        }
    }

    /// <summary>Writes that failed because the disk or database was full, since the start.</summary>
    public long FullFailures => Interlocked.Read(ref _full);

    /// <summary>Writes that failed with an I/O error, since the start.</summary>
    public long IoErrorFailures => Interlocked.Read(ref _ioErrors);

    public void RecordFailure(StorageFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        Interlocked.Increment(ref fault.Kind == StorageFaultKind.Full ? ref _full : ref _ioErrors);
        bool changed;
        lock (_lock)
        {
            // The first failure's time stays: "since when" is what an operator needs.
            changed = _fault?.Kind != fault.Kind;
            _fault = changed ? fault : _fault;
        }

        if (changed)
        {
            Changed?.Invoke(fault);
        }
    }

    public void RecordSuccess()
    {
        bool changed;
        lock (_lock)
        {
            changed = _fault is not null;
            _fault = null;
        }

        if (changed)
        {
            Changed?.Invoke(null);
        }
    }
}
