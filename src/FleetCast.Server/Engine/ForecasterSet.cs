using FleetCast.Forecasting;

namespace FleetCast.Server.Engine;

/// <summary>The forecasters the engine routes servers to: the primary (a trained model, or a baseline
/// while none is loaded), swappable at run time, and the warm-up baseline for servers whose window is
/// not yet full. Thread-safe: the engine reads <see cref="Primary"/> once per step.</summary>
public sealed class ForecasterSet
{
    private IForecaster _primary;
    private string? _modelDirectory;
    private Func<CancellationToken, Task<IForecaster>>? _reloader;

    public ForecasterSet(IForecaster primary, IForecaster warmUp)
    {
        _primary = primary;
        WarmUp = warmUp;
    }

    public IForecaster Primary => Volatile.Read(ref _primary);

    public IForecaster WarmUp { get; }

    /// <summary>The directory the primary was loaded from; null when it is a baseline or came from no directory.</summary>
    public string? ModelDirectory => Volatile.Read(ref _modelDirectory);

    /// <summary>True when a reload hook is installed (e.g. a model directory to load from).</summary>
    public bool CanReload => Volatile.Read(ref _reloader) is not null;

    /// <summary>Replaces the primary; the next engine step uses the new one. Returns the previous primary.</summary>
    public IForecaster Swap(IForecaster primary) => Swap(primary, primary.IsModel ? ModelDirectory : null);

    /// <summary>Replaces the primary with one loaded from <paramref name="modelDirectory"/> (null for none).</summary>
    public IForecaster Swap(IForecaster primary, string? modelDirectory)
    {
        ArgumentNullException.ThrowIfNull(primary);
        Volatile.Write(ref _modelDirectory, modelDirectory);
        return Interlocked.Exchange(ref _primary, primary);
    }

    /// <summary>Installs how <see cref="ReloadAsync"/> obtains a fresh primary (the model work fills this in).</summary>
    public void SetReloader(Func<CancellationToken, Task<IForecaster>> reloader) => Volatile.Write(ref _reloader, reloader);

    /// <summary>Loads a fresh primary through the installed hook and swaps it in.</summary>
    /// <exception cref="InvalidOperationException">No reload hook is installed.</exception>
    public async Task<IForecaster> ReloadAsync(CancellationToken cancellationToken = default)
    {
        var reloader = Volatile.Read(ref _reloader)
            ?? throw new InvalidOperationException("No model is configured to reload from; the primary forecaster is a baseline.");
        var loaded = await reloader(cancellationToken).ConfigureAwait(false);
        Swap(loaded);
        return loaded;
    }
}
