using FleetCast.Core.Metrics;
using FleetCast.Server.Integrations.Sources;

namespace FleetCast.Server.Tests.Integrations.Sources;

/// <summary>Two hand-written scrapes ten seconds apart with known deltas: 2 CPUs × 10 s = 20 CPU-seconds, of
/// which user+nice 5, system+irq+softirq 4, iowait 1 and idle 10; 40 MB received and 5 MB sent on eth*.</summary>
public sealed class NodeExporterMappingTests
{

    private const string First = """
        # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
        # TYPE node_cpu_seconds_total counter
        node_cpu_seconds_total{cpu="0",mode="idle"} 100
        node_cpu_seconds_total{cpu="0",mode="iowait"} 10
        node_cpu_seconds_total{cpu="0",mode="irq"} 1
        node_cpu_seconds_total{cpu="0",mode="nice"} 2
        node_cpu_seconds_total{cpu="0",mode="softirq"} 1
        node_cpu_seconds_total{cpu="0",mode="steal"} 0
        node_cpu_seconds_total{cpu="0",mode="system"} 20
        node_cpu_seconds_total{cpu="0",mode="user"} 50
        node_cpu_seconds_total{cpu="1",mode="idle"} 200
        node_cpu_seconds_total{cpu="1",mode="iowait"} 0
        node_cpu_seconds_total{cpu="1",mode="irq"} 0
        node_cpu_seconds_total{cpu="1",mode="nice"} 0
        node_cpu_seconds_total{cpu="1",mode="softirq"} 1
        node_cpu_seconds_total{cpu="1",mode="steal"} 0
        node_cpu_seconds_total{cpu="1",mode="system"} 10
        node_cpu_seconds_total{cpu="1",mode="user"} 40
        node_memory_MemTotal_bytes 8e+09
        node_memory_MemAvailable_bytes 2e+09
        node_memory_SwapTotal_bytes 4e+09
        node_memory_SwapFree_bytes 3e+09
        node_filesystem_size_bytes{device="/dev/sda2",fstype="ext4",mountpoint="/"} 1e+11
        node_filesystem_free_bytes{device="/dev/sda2",fstype="ext4",mountpoint="/"} 3e+10
        node_filesystem_avail_bytes{device="/dev/sda2",fstype="ext4",mountpoint="/"} 2.5e+10
        node_filesystem_size_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/boot"} 1e+09
        node_filesystem_free_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/boot"} 9e+08
        node_filesystem_avail_bytes{device="/dev/sda1",fstype="ext4",mountpoint="/boot"} 9e+08
        node_network_receive_bytes_total{device="eth0"} 1e+06
        node_network_receive_bytes_total{device="eth1"} 0
        node_network_receive_bytes_total{device="lo"} 0
        node_network_transmit_bytes_total{device="eth0"} 5e+06
        node_network_transmit_bytes_total{device="eth1"} 0
        node_network_transmit_bytes_total{device="lo"} 0
        node_load1 1.25
        node_time_seconds 1.7e+09
        node_boot_time_seconds 1.6997408e+09
        """;

    private static readonly string Second = First
        .Replace("{cpu=\"0\",mode=\"idle\"} 100", "{cpu=\"0\",mode=\"idle\"} 104", StringComparison.Ordinal)
        .Replace("{cpu=\"0\",mode=\"iowait\"} 10", "{cpu=\"0\",mode=\"iowait\"} 11", StringComparison.Ordinal)
        .Replace("{cpu=\"0\",mode=\"nice\"} 2", "{cpu=\"0\",mode=\"nice\"} 3", StringComparison.Ordinal)
        .Replace("{cpu=\"0\",mode=\"system\"} 20", "{cpu=\"0\",mode=\"system\"} 22", StringComparison.Ordinal)
        .Replace("{cpu=\"0\",mode=\"user\"} 50", "{cpu=\"0\",mode=\"user\"} 52", StringComparison.Ordinal)
        .Replace("{cpu=\"1\",mode=\"idle\"} 200", "{cpu=\"1\",mode=\"idle\"} 206", StringComparison.Ordinal)
        .Replace("{cpu=\"1\",mode=\"softirq\"} 1", "{cpu=\"1\",mode=\"softirq\"} 2", StringComparison.Ordinal)
        .Replace("{cpu=\"1\",mode=\"system\"} 10", "{cpu=\"1\",mode=\"system\"} 11", StringComparison.Ordinal)
        .Replace("{cpu=\"1\",mode=\"user\"} 40", "{cpu=\"1\",mode=\"user\"} 42", StringComparison.Ordinal)
        .Replace("receive_bytes_total{device=\"eth0\"} 1e+06", "receive_bytes_total{device=\"eth0\"} 3.1e+07", StringComparison.Ordinal)
        .Replace("receive_bytes_total{device=\"eth1\"} 0", "receive_bytes_total{device=\"eth1\"} 1e+07", StringComparison.Ordinal)
        .Replace("receive_bytes_total{device=\"lo\"} 0", "receive_bytes_total{device=\"lo\"} 5e+08", StringComparison.Ordinal)
        .Replace("transmit_bytes_total{device=\"eth0\"} 5e+06", "transmit_bytes_total{device=\"eth0\"} 1e+07", StringComparison.Ordinal)
        .Replace("node_time_seconds 1.7e+09", "node_time_seconds 1.70000001e+09", StringComparison.Ordinal);

    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void ToValues_FirstScrape_GaugesOnlyAndRatesMissing()
    {
        var values = NodeExporterMapping.ToValues(Read(First, T0), previous: null);

        Assert.Equal(75, values[(int)Metric.MemUsedPct], 9);           // 1 − 2/8
        Assert.Equal(25, values[(int)Metric.SwapUsedPct], 9);          // 1 − 3/4
        Assert.Equal(100.0 * 70 / 95, values[(int)Metric.DiskUsagePct], 9); // used 70 of used 70 + avail 25 (df)
        Assert.Equal(1.25, values[(int)Metric.LoadAverage], 9);
        Assert.Equal(3, values[(int)Metric.UptimeDays], 9);
        foreach (var metric in new[] { Metric.CpuUserPct, Metric.CpuSysPct, Metric.CpuIowaitPct, Metric.CpuIdlePct, Metric.NetInMbS, Metric.NetOutMbS })
        {
            Assert.True(double.IsNaN(values[(int)metric]), $"{metric} must be missing on the first scrape");
        }
    }

    [Fact]
    public void ToValues_SecondScrape_CpuSharesAndNetworkRatesFromDeltas()
    {
        var first = Read(First, T0);
        var second = Read(Second, T0.AddSeconds(10));

        var values = NodeExporterMapping.ToValues(second, first);

        Assert.Equal(25, values[(int)Metric.CpuUserPct], 9);    // (user 4 + nice 1) / 20
        Assert.Equal(20, values[(int)Metric.CpuSysPct], 9);     // (system 3 + softirq 1) / 20
        Assert.Equal(5, values[(int)Metric.CpuIowaitPct], 9);   // 1 / 20
        Assert.Equal(50, values[(int)Metric.CpuIdlePct], 9);    // 10 / 20
        Assert.Equal(4, values[(int)Metric.NetInMbS], 9);       // (30 + 10) MB / 10 s, lo excluded
        Assert.Equal(0.5, values[(int)Metric.NetOutMbS], 9);    // 5 MB / 10 s
        Assert.Equal(3 + (10 / 86_400.0), values[(int)Metric.UptimeDays], 9);
    }

    [Fact]
    public void ToValues_SeriesNotExposed_StayMissing()
    {
        var values = NodeExporterMapping.ToValues(Read(Second, T0.AddSeconds(10)), Read(First, T0));

        Assert.True(double.IsNaN(values[(int)Metric.JavaCpuPct]));
        Assert.True(double.IsNaN(values[(int)Metric.BackCloseWait]), "no tcpstat collector: close-wait is missing, not 0");
        Assert.True(double.IsNaN(values[(int)Metric.FrontCloseWait]));
    }

    [Fact]
    public void ToValues_TcpstatExposed_TotalCloseWaitIsBackEndAndFrontStaysMissing()
    {
        var text = First + """

            node_tcp_connection_states{state="close_wait"} 7
            node_tcp_connection_states{state="established"} 40
            """;

        var values = NodeExporterMapping.ToValues(Read(text, T0), previous: null);

        Assert.Equal(7, values[(int)Metric.BackCloseWait]);
        Assert.True(double.IsNaN(values[(int)Metric.FrontCloseWait]));
    }

    [Fact]
    public void ToValues_NoSwapConfigured_ZeroPercent()
    {
        var text = First.Replace("SwapTotal_bytes 4e+09", "SwapTotal_bytes 0", StringComparison.Ordinal)
            .Replace("SwapFree_bytes 3e+09", "SwapFree_bytes 0", StringComparison.Ordinal);

        var values = NodeExporterMapping.ToValues(Read(text, T0), previous: null);

        Assert.Equal(0, values[(int)Metric.SwapUsedPct]);
    }

    [Fact]
    public void ToValues_OnlyLoadExposed_EverythingElseMissing()
    {
        var values = NodeExporterMapping.ToValues(Read("node_load1 0.5", T0), Read("node_load1 0.4", T0.AddSeconds(-10)));

        Assert.Equal(0.5, values[(int)Metric.LoadAverage]);
        Assert.Equal(1, values.Count(v => !double.IsNaN(v)));
    }

    [Fact]
    public void ToValues_CountersWentBackwards_RatesMissing()
    {
        // The host rebooted between the scrapes: the second one's counters are smaller.
        var values = NodeExporterMapping.ToValues(Read(First, T0.AddSeconds(10)), Read(Second, T0));

        Assert.True(double.IsNaN(values[(int)Metric.CpuUserPct]));
        Assert.True(double.IsNaN(values[(int)Metric.NetInMbS]));
        Assert.Equal(75, values[(int)Metric.MemUsedPct], 9);
    }

    [Fact]
    public void Read_ConfiguredMount_UsesThatFilesystem()
    {
        var values = NodeExporterMapping.ToValues(NodeExporterMapping.Read(Parse(First), "/boot", T0), previous: null);

        Assert.Equal(10, values[(int)Metric.DiskUsagePct], 9); // used 0.1 of 0.1 + 0.9
    }

    private static NodeExporterReading Read(string text, DateTimeOffset at) => NodeExporterMapping.Read(Parse(text), "/", at);

    private static IReadOnlyList<ExpositionSample> Parse(string text) => ExpositionParser.Parse(text);
}
