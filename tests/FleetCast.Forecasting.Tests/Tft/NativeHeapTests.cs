using System.Runtime.InteropServices;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(NativeHeapCollection.Name)]
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
    public void ReleaseFree_TrimsOnlyOverTheResidentBudget()
    {
        // What a trim gives back shows in the process's resident memory, which the other tests of this
        // process also move; docs/model.md has the measurements on a live server.
        if (!NativeHeap.EnsureTuned())
        {
            Assert.False(NativeHeap.ReleaseFree(residentBudgetBytes: 0));
            return;
        }

        Assert.False(NativeHeap.ReleaseFree(residentBudgetBytes: long.MaxValue));
        Assert.True(NativeHeap.ReleaseFree(residentBudgetBytes: 0));
    }

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
