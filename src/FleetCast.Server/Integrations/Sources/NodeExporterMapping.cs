using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;

namespace FleetCast.Server.Integrations.Sources;

/// <summary>node_exporter series → FleetCast metrics (docs/operations.md has the table). Gauges come from
/// one scrape; cpu and network are rates, so they need the previous scrape and are missing on the first
/// one and after a counter reset (reboot). A metric whose series is absent stays missing (NaN), never 0.</summary>
public static class NodeExporterMapping
{
    private const double SecondsPerDay = 86_400;
    private const double BytesPerMegabyte = 1_000_000;

    // FleetCast has four cpu buckets; nice is user time at low priority, irq and softirq are kernel time.
    // steal (time taken by the hypervisor) is in none of them, so the four add up to 100 % minus steal.
    private static readonly string[] UserModes = ["user", "nice"];
    private static readonly string[] SystemModes = ["system", "irq", "softirq"];
    private static readonly string[] IowaitModes = ["iowait"];
    private static readonly string[] IdleModes = ["idle"];

    /// <summary>Picks the series FleetCast uses out of a scrape; <paramref name="mount"/> is the filesystem's mount point.</summary>
    public static NodeExporterReading Read(IReadOnlyList<ExpositionSample> samples, string mount, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
        double memTotal = double.NaN, memAvailable = double.NaN, swapTotal = double.NaN, swapFree = double.NaN;
        double fsSize = double.NaN, fsFree = double.NaN, fsAvail = double.NaN;
        double received = double.NaN, transmitted = double.NaN, load1 = double.NaN, closeWait = double.NaN;
        double time = double.NaN, bootTime = double.NaN;
        foreach (var sample in samples)
        {
            switch (sample.Name)
            {
                case "node_cpu_seconds_total" when sample.Label("mode") is { } mode:
                    cpu[mode] = cpu.GetValueOrDefault(mode) + sample.Value;
                    break;
                case "node_memory_MemTotal_bytes": memTotal = sample.Value; break;
                case "node_memory_MemAvailable_bytes": memAvailable = sample.Value; break;
                case "node_memory_SwapTotal_bytes": swapTotal = sample.Value; break;
                case "node_memory_SwapFree_bytes": swapFree = sample.Value; break;
                case "node_filesystem_size_bytes" when IsMount(sample, mount): fsSize = First(fsSize, sample.Value); break;
                case "node_filesystem_free_bytes" when IsMount(sample, mount): fsFree = First(fsFree, sample.Value); break;
                case "node_filesystem_avail_bytes" when IsMount(sample, mount): fsAvail = First(fsAvail, sample.Value); break;
                case "node_network_receive_bytes_total" when sample.Label("device") != "lo": received = Add(received, sample.Value); break;
                case "node_network_transmit_bytes_total" when sample.Label("device") != "lo": transmitted = Add(transmitted, sample.Value); break;
                case "node_load1": load1 = sample.Value; break;
                case "node_tcp_connection_states" when sample.Label("state") == "close_wait": closeWait = Add(closeWait, sample.Value); break;
                case "node_time_seconds": time = sample.Value; break;
                case "node_boot_time_seconds": bootTime = sample.Value; break;
            }
        }

        return new NodeExporterReading(at, cpu, memTotal, memAvailable, swapTotal, swapFree, fsSize, fsFree, fsAvail,
            received, transmitted, load1, closeWait, time, bootTime);
    }

    /// <summary>FleetCast's metric values (catalog order, NaN = missing) from a scrape and the one before it (null on the first).</summary>
    public static double[] ToValues(NodeExporterReading current, NodeExporterReading? previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        var values = MetricSample.EmptyValues();
        values[(int)Metric.MemUsedPct] = Percent(1 - (current.MemAvailable / current.MemTotal), current.MemTotal > 0);
        // No swap configured: nothing is swapped out, which is what the metric measures, so 0 % (not missing).
        values[(int)Metric.SwapUsedPct] = current.SwapTotal == 0 ? 0 : Percent(1 - (current.SwapFree / current.SwapTotal), current.SwapTotal > 0);
        values[(int)Metric.DiskUsagePct] = DiskUsed(current);
        values[(int)Metric.LoadAverage] = current.Load1 >= 0 ? current.Load1 : double.NaN;
        // The host's total; node_exporter cannot tell front-end from back-end connections, so front stays missing.
        values[(int)Metric.BackCloseWait] = current.CloseWait >= 0 ? Math.Round(current.CloseWait) : double.NaN;
        var now = double.IsFinite(current.Time) ? current.Time : current.At.ToUnixTimeMilliseconds() / 1000.0;
        values[(int)Metric.UptimeDays] = current.BootTime > 0 ? Math.Max(0, (now - current.BootTime) / SecondsPerDay) : double.NaN;
        if (previous is not null)
        {
            AddCpu(values, current.CpuSeconds, previous.CpuSeconds);
            var seconds = ElapsedSeconds(current, previous);
            values[(int)Metric.NetInMbS] = Rate(current.ReceiveBytes, previous.ReceiveBytes, seconds) / BytesPerMegabyte;
            values[(int)Metric.NetOutMbS] = Rate(current.TransmitBytes, previous.TransmitBytes, seconds) / BytesPerMegabyte;
        }

        return values;
    }

    private static void AddCpu(double[] values, IReadOnlyDictionary<string, double> current, IReadOnlyDictionary<string, double> previous)
    {
        double total = 0;
        foreach (var (mode, seconds) in current)
        {
            if (!previous.TryGetValue(mode, out var before) || seconds < before)
            {
                return; // a mode appeared or went backwards (reboot): no honest rate this time
            }

            total += seconds - before;
        }

        if (total <= 0)
        {
            return;
        }

        double Share(string[] modes) => current.ContainsKey(modes[0])
            ? Percent(modes.Sum(m => current.GetValueOrDefault(m) - previous.GetValueOrDefault(m)) / total, true)
            : double.NaN;

        values[(int)Metric.CpuUserPct] = Share(UserModes);
        values[(int)Metric.CpuSysPct] = Share(SystemModes);
        values[(int)Metric.CpuIowaitPct] = Share(IowaitModes);
        values[(int)Metric.CpuIdlePct] = Share(IdleModes);
    }

    /// <summary>As df computes Use%: used / (used + available), so blocks reserved for root count as neither.</summary>
    private static double DiskUsed(NodeExporterReading reading)
    {
        var used = reading.FilesystemSize - reading.FilesystemFree;
        var usable = used + reading.FilesystemAvailable;
        return Percent(used / usable, usable > 0 && used >= 0);
    }

    private static double ElapsedSeconds(NodeExporterReading current, NodeExporterReading previous) =>
        double.IsFinite(current.Time) && double.IsFinite(previous.Time)
            ? current.Time - previous.Time
            : (current.At - previous.At).TotalSeconds;

    private static double Rate(double current, double previous, double seconds) =>
        seconds > 0 && current >= previous ? (current - previous) / seconds : double.NaN;

    private static double Percent(double share, bool valid) =>
        valid && double.IsFinite(share) ? Math.Clamp(share * 100, 0, 100) : double.NaN;

    private static bool IsMount(ExpositionSample sample, string mount) => sample.Label("mountpoint") == mount;

    private static double First(double current, double value) => double.IsNaN(current) ? value : current;

    private static double Add(double sum, double value) => double.IsNaN(sum) ? value : sum + value;
}
