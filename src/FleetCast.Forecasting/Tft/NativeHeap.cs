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
/// process; a no-op where glibc's <c>mallopt</c> is missing. The settings hold for every native
/// allocation in the process (compression buffers of each dashboard connection too), which then stay
/// in the arenas: a 1,000-server server grew by 11.5 MiB per open dashboard instead of 2.8. After a
/// batch <see cref="ReleaseFree"/> hands free memory back when the process is over its budget.</summary>
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

    /// <summary>Resident memory above which <see cref="ReleaseFree"/> trims: under DESIGN.md's 1.5 GiB
    /// for a 1,000-server server with its dashboard sessions, and above what a 1,000-server server
    /// with two model replicas holds by itself (at 1.2 GB the 2-thread step trimmed every batch).</summary>
    public const long ResidentBudgetBytes = 1400L * 1024 * 1024;

    /// <summary>When the process holds more than <see cref="ResidentBudgetBytes"/>, returns the free
    /// memory of every arena to the kernel (glibc <c>malloc_trim</c>). Trimming every batch would make
    /// the next one fault all its pages in again (about 1 s more per 1,000-server batch on the test
    /// machine), so it happens only when memory is short. Does nothing unless <see cref="EnsureTuned"/>
    /// tuned the heap.</summary>
    /// <returns>True when it trimmed.</returns>
    public static bool ReleaseFree(long residentBudgetBytes = ResidentBudgetBytes)
    {
        if (!Tuned.IsValueCreated || !Tuned.Value || ResidentBytes() <= residentBudgetBytes)
        {
            return false;
        }

        MallocTrim(0);
        return true;
    }

    private static long ResidentBytes()
    {
        // statm: size resident shared … in pages.
        var fields = File.ReadAllText("/proc/self/statm").Split(' ');
        return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
    }

    [DllImport("libc.so.6", EntryPoint = "malloc_trim", ExactSpelling = true)]
    private static extern int MallocTrim(nuint pad);

    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    private static extern int MallOpt(int parameter, int value);
}
