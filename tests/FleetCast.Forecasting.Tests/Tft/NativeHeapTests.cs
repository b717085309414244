using System.Runtime.InteropServices;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

public sealed class NativeHeapTests
{
    [Fact]
    public void EnsureTuned_Linux_FreedLargeBlockIsReusedWithoutPageFaults()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(NativeHeap.EnsureTuned());
            return;
        }

        Assert.True(NativeHeap.EnsureTuned());
        Assert.True(NativeHeap.EnsureTuned());

        // A 24 MB block (what a chunk's large intermediates weigh): allocated, touched and freed, then
        // allocated again. Untuned, glibc maps it afresh each time and every page faults in again.
        const int size = 24 * 1024 * 1024;
        TouchAndFree(size);
        var faults = MinorFaults();
        TouchAndFree(size);
        var pages = size / Environment.SystemPageSize;
        Assert.True(MinorFaults() - faults < pages / 4, $"{MinorFaults() - faults} page faults for {pages} pages");
    }

    [Fact]
    public void ReleaseFree_AfterALargeBlockWasFreed_KeepsItUnderBudgetAndGivesItBackOver()
    {
        if (!NativeHeap.EnsureTuned())
        {
            return;
        }

        const int size = 64 * 1024 * 1024;
        var blocks = Enumerable.Range(0, 4).Select(_ => Marshal.AllocHGlobal(size / 4)).ToArray();
        foreach (var block in blocks)
        {
            for (var offset = 0; offset < size / 4; offset += Environment.SystemPageSize)
            {
                Marshal.WriteByte(block, offset, 1);
            }
        }

        foreach (var block in blocks)
        {
            Marshal.FreeHGlobal(block);
        }

        var retained = ResidentBytes();

        var underBudget = NativeHeap.ReleaseFree(residentBudgetBytes: retained * 2);
        var keptWhileUnderBudget = retained - ResidentBytes();
        var overBudget = NativeHeap.ReleaseFree(residentBudgetBytes: 0);

        var released = retained - ResidentBytes();
        Assert.False(underBudget);
        Assert.True(keptWhileUnderBudget < size / 4, $"released {keptWhileUnderBudget / 1048576.0:F1} MB while under budget");
        Assert.True(overBudget);
        Assert.True(released > size / 2, $"released {released / 1048576.0:F1} MB of the {size / 1048576} MB freed");
    }

    private static long ResidentBytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;

    private static void TouchAndFree(int size)
    {
        var block = Marshal.AllocHGlobal(size);
        try
        {
            for (var offset = 0; offset < size; offset += Environment.SystemPageSize)
            {
                Marshal.WriteByte(block, offset, 1);
            }
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }

    private static long MinorFaults() =>
        long.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[7], System.Globalization.CultureInfo.InvariantCulture);
}
