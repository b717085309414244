using System.Runtime.InteropServices;

namespace FleetCast.Forecasting.Tft;

/// <summary>Keeps libtorch's freed tensor memory in the process instead of handing it back to the
/// kernel. glibc serves allocations above its mmap threshold with fresh mappings and returns them on
/// free, so every forward pass page-faulted its large intermediates in again: about half of a
/// 32-server chunk's time on the test machine. Raising the mmap threshold to its maximum (32 MB) and
/// the trim threshold to 1 GB makes the heap reuse those blocks. glibc also gives each thread that
/// allocates its own arena (up to 8 per core), and each arena would keep its own peak: the engine's
/// steps run on whichever pool thread is free, so a 1,000-server server grew by several hundred MB of
/// retained arenas; two arenas (one per replica at Forecast:Threads 2) bound that. Applied once per
/// process; a no-op where glibc's <c>mallopt</c> is missing.</summary>
internal static partial class NativeHeap
{
    private const int TrimThresholdParameter = -1;
    private const int MmapThresholdParameter = -3;
    private const int ArenaMaxParameter = -8;
    private const int ArenaMax = 2;
    private const int MmapThresholdBytes = 32 * 1024 * 1024;
    private const int TrimThresholdBytes = 1024 * 1024 * 1024;

    private static readonly Lazy<bool> Tuned = new(Tune);

    /// <summary>True when the allocator now keeps freed tensor memory for reuse.</summary>
    public static bool EnsureTuned() => Tuned.Value;

    private static bool Tune()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return MallOpt(MmapThresholdParameter, MmapThresholdBytes) == 1 && MallOpt(TrimThresholdParameter, TrimThresholdBytes) == 1
                && MallOpt(ArenaMaxParameter, ArenaMax) == 1;
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    private static extern int MallOpt(int parameter, int value);
}
