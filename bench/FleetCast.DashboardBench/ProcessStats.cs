using System.Globalization;

namespace FleetCast.DashboardBench;

/// <summary>CPU time and resident memory of one process, read from /proc (Linux).</summary>
internal readonly record struct ProcessStats(TimeSpan CpuTime, long RssBytes, DateTime TakenAt)
{
    // USER_HZ: 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static ProcessStats Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name, which is in parentheses and may contain spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after "(comm) ".
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        long rssKiB = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rssKiB = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                break;
            }
        }

        return new ProcessStats(TimeSpan.FromSeconds(ticks / TicksPerSecond), rssKiB * 1024, DateTime.UtcNow);
    }

    /// <summary>CPU used between two readings as a percentage of one core.</summary>
    public static double CpuPercent(ProcessStats before, ProcessStats after)
    {
        var wall = (after.TakenAt - before.TakenAt).TotalSeconds;
        return wall <= 0 ? 0 : (after.CpuTime - before.CpuTime).TotalSeconds / wall * 100;
    }
}
