using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Integrations.Sources;

/// <summary>The real prometheus-node-exporter (Debian package) on a free loopback port, scraped by the source.</summary>
public sealed class NodeExporterSourceIntegrationTests : IAsyncLifetime
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private LoopbackProgram? _exporter;

    public async Task InitializeAsync() => _exporter = await NodeExporterProgram.StartNodeExporterAsync();

    public async Task DisposeAsync()
    {
        if (_exporter is not null)
        {
            await _exporter.DisposeAsync();
        }

        _client.Dispose();
    }

    [Fact]
    public async Task Read_TwoScrapes_GaugesMatchTheExporterAndCpuSharesAddUp()
    {
        // Arrange
        var url = new Uri(_exporter!.BaseUrl, "metrics");
        var source = new NodeExporterSource(_client, url, "this-host", null, "/");

        // Act
        var first = await source.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // CPU counters advance in 10 ms ticks: give them some
        var second = Assert.Single(await source.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None));
        var raw = ExpositionParser.Parse(await _client.GetStringAsync(url));

        // Assert
        Assert.Empty(first); // it only primes the rates
        Assert.Equal("this-host", second.Server);
        Assert.Equal(100 * (1 - (Value(raw, "node_memory_MemAvailable_bytes") / Value(raw, "node_memory_MemTotal_bytes"))), second[Metric.MemUsedPct], 2.0);
        var size = Value(raw, "node_filesystem_size_bytes", "mountpoint", "/");
        var used = size - Value(raw, "node_filesystem_free_bytes", "mountpoint", "/");
        Assert.Equal(100 * used / (used + Value(raw, "node_filesystem_avail_bytes", "mountpoint", "/")), second[Metric.DiskUsagePct], 0.5);
        var load = Value(raw, "node_load1");
        Assert.Equal(load, second[Metric.LoadAverage], Math.Max(0.5, load * 0.1));
        Assert.Equal((Value(raw, "node_time_seconds") - Value(raw, "node_boot_time_seconds")) / 86_400, second[Metric.UptimeDays], 0.001);
        var cpu = second[Metric.CpuUserPct] + second[Metric.CpuSysPct] + second[Metric.CpuIowaitPct] + second[Metric.CpuIdlePct];
        Assert.InRange(cpu, 95, 100 + 1e-9); // 100 % minus steal
        Assert.True(second[Metric.NetInMbS] >= 0 && second[Metric.NetOutMbS] >= 0);
        Assert.True(double.IsNaN(second[Metric.JavaCpuPct]));
        Assert.True(double.IsNaN(second[Metric.FrontCloseWait]));
        AssertCloseWaitMatchesCollector(raw, second);
    }

    /// <summary>The tcpstat collector is off by default: close-wait is then missing, not 0.</summary>
    private static void AssertCloseWaitMatchesCollector(IReadOnlyList<ExpositionSample> raw, MetricSample sample)
    {
        if (raw.Any(s => s.Name == "node_tcp_connection_states"))
        {
            Assert.False(double.IsNaN(sample[Metric.BackCloseWait]));
        }
        else
        {
            Assert.True(double.IsNaN(sample[Metric.BackCloseWait]));
        }
    }

    private static double Value(IReadOnlyList<ExpositionSample> raw, string name, string? label = null, string? value = null) =>
        raw.First(s => s.Name == name && (label is null || s.Label(label) == value)).Value;
}
