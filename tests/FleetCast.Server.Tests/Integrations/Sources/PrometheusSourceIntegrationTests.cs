using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Core.Samples;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Integrations.Sources;

/// <summary>Real prometheus scraping a real prometheus-node-exporter every second (both Debian packages, on free
/// loopback ports), queried by the Prometheus source for a selector.</summary>
public sealed class PrometheusSourceIntegrationTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly List<LoopbackProgram> _programs = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var program in _programs)
        {
            await program.DisposeAsync();
        }

        _client.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Read_SelectorOfScrapedExporter_OneSampleForTheInstanceWithItsProfile()
    {
        // Arrange
        var exporter = await NodeExporterProgram.StartNodeExporterAsync();
        _programs.Add(exporter);
        var instance = $"127.0.0.1:{exporter.BaseUrl.Port}";
        var prometheus = await NodeExporterProgram.StartPrometheusAsync(_directory, instance, "database");
        _programs.Add(prometheus);
        var source = new PrometheusQuerySource(_client, prometheus.BaseUrl, "prometheus", new PrometheusQueries("job=\"node\"", "instance", "/", 10), "instance");

        // Act: rates need two scrapes inside the window (each cpu mode's own), so ask until every cpu mode and
        // network are there.
        MetricSample? sample = null;
        var complete = await Eventually.TrueAsync(async () =>
        {
            var samples = await source.ReadAsync(DateTimeOffset.UtcNow, CancellationToken.None);
            sample = samples.SingleOrDefault();
            return sample is not null && !double.IsNaN(sample[Metric.NetInMbS])
                && new[] { Metric.CpuUserPct, Metric.CpuSysPct, Metric.CpuIowaitPct, Metric.CpuIdlePct }.All(m => !double.IsNaN(sample[m]));
        }, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(500));
        var raw = ExpositionParser.Parse(await _client.GetStringAsync(new Uri(exporter.BaseUrl, "metrics")));

        // Assert
        Assert.True(complete, $"Prometheus never answered cpu and network for {instance}.");
        Assert.Equal(instance, sample!.Server);
        Assert.Equal(ServerProfile.Database, sample.Profile);
        var memory = 100 * (1 - (Value(raw, "node_memory_MemAvailable_bytes") / Value(raw, "node_memory_MemTotal_bytes")));
        Assert.Equal(memory, sample[Metric.MemUsedPct], 3.0);
        Assert.InRange(sample[Metric.DiskUsagePct], 0, 100);
        Assert.Equal((Value(raw, "node_time_seconds") - Value(raw, "node_boot_time_seconds")) / 86_400, sample[Metric.UptimeDays], 0.001);
        Assert.False(double.IsNaN(sample[Metric.LoadAverage]));
        Assert.False(double.IsNaN(sample[Metric.SwapUsedPct]));
        var cpu = sample[Metric.CpuUserPct] + sample[Metric.CpuSysPct] + sample[Metric.CpuIowaitPct] + sample[Metric.CpuIdlePct];
        Assert.InRange(cpu, 95, 100 + 1e-6);
        Assert.True(double.IsNaN(sample[Metric.JavaCpuPct]));
        Assert.True(double.IsNaN(sample[Metric.FrontCloseWait]));
    }

    private static double Value(IReadOnlyList<ExpositionSample> raw, string name) => raw.First(s => s.Name == name).Value;
}
