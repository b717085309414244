using System.Runtime;

namespace FleetCast.Forecasting.Tft.Training;

/// <summary>Keeps the garbage collector from running while one training batch goes through native
/// code. TorchSharp's optimisers and operators create temporary <see cref="TorchSharp.Scalar"/>
/// arguments that a collection (triggered by any thread) may finalize while the native call still
/// reads them; collecting only between batches removes that window. If the batch allocates more than
/// the budget, the runtime collects anyway and ends the region.</summary>
internal readonly struct NoCollectionRegion : IDisposable
{
    private const long BudgetBytes = 64L * 1024 * 1024;

    private readonly bool _started;

    private NoCollectionRegion(bool started) => _started = started;

    public static NoCollectionRegion Enter()
    {
        try
        {
            return new NoCollectionRegion(GC.TryStartNoGCRegion(BudgetBytes, disallowFullBlockingGC: false));
        }
        catch (InvalidOperationException)
        {
            return new NoCollectionRegion(false);
        }
    }

    public void Dispose()
    {
        if (_started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
