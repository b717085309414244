using System.Globalization;

namespace FleetCast.Server.Tests.Shared;

/// <summary>The calling thread's Linux nice value as the kernel reports it (/proc/thread-self/stat).</summary>
internal static class ThreadNice
{
    public static int Current()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        // The command name (field 2) may contain spaces and parentheses; the fields after it start at 3.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[19 - 3], CultureInfo.InvariantCulture);
    }
}
