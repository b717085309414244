using System.Globalization;
using System.Runtime.InteropServices;

namespace FleetCast.Server.Engine;

/// <summary>The Linux nice value of the calling thread. Linux keeps it per thread (not per process, as
/// POSIX has it), and threads inherit it from the thread that creates them. .NET's
/// <see cref="Thread.Priority"/> does nothing on Linux, hence the system call.</summary>
internal static partial class ThreadNiceness
{
    private const int PriorityProcess = 0;

    /// <summary>Lowers the calling thread's priority to <paramref name="nice"/> (0 = normal, 19 = lowest).
    /// Any user may lower a thread's priority; raising it again needs privileges, so call this only on a
    /// thread that keeps this priority for its whole life.</summary>
    /// <returns>null on success, otherwise why it did not work (another system than Linux, or the call failed).</returns>
    public static string? TryLowerCurrentThread(int nice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        if (!OperatingSystem.IsLinux())
        {
            return "thread priorities are only set on Linux";
        }

        // who = 0: the calling thread under Linux's per-thread nice values.
        return SetPriority(PriorityProcess, 0, nice) == 0
            ? null
            : $"setpriority failed with error {Marshal.GetLastPInvokeError().ToString(CultureInfo.InvariantCulture)}";
    }

    [DllImport("libc.so.6", EntryPoint = "setpriority", ExactSpelling = true, SetLastError = true)]
    private static extern int SetPriority(int which, uint who, int prio);
}
