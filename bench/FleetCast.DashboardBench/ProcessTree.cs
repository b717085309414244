using System.Globalization;

namespace FleetCast.DashboardBench;

/// <summary>CPU time of this benchmark's descendant processes other than the server: the Playwright
/// driver and every Chromium process ("browser CPU").</summary>
internal static class ProcessTree
{
    private const double TicksPerSecond = 100;

    public static TimeSpan BrowserCpu(int serverPid)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while the folder was read.
            }
        }

        var self = Environment.ProcessId;
        long total = 0;
        foreach (var (pid, tick) in ticks)
        {
            if (DescendsFrom(pid, self, serverPid, parents))
            {
                total += tick;
            }
        }

        return TimeSpan.FromSeconds(total / TicksPerSecond);
    }

    private static bool DescendsFrom(int pid, int ancestor, int excluded, Dictionary<int, int> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var parent) && current != 0; current = parent)
        {
            if (current == excluded)
            {
                return false;
            }

            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }
}
