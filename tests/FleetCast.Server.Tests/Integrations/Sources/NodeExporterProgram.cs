using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Integrations.Sources;

/// <summary>prometheus-node-exporter and prometheus, as the Debian packages install them.</summary>
public static class NodeExporterProgram
{
    public const string NodeExporterPath = "/usr/bin/prometheus-node-exporter";
    public const string PrometheusPath = "/usr/bin/prometheus";

    public static Task<LoopbackProgram> StartNodeExporterAsync(int? port = null)
    {
        var listen = port ?? LoopbackProgram.FreePort();
        return LoopbackProgram.StartAsync(NodeExporterPath, "prometheus-node-exporter", listen, "metrics", $"--web.listen-address=127.0.0.1:{listen}");
    }

    /// <summary>Prometheus scraping <paramref name="target"/> (host:port) every second, labelled profile=<paramref name="profile"/>.</summary>
    public static async Task<LoopbackProgram> StartPrometheusAsync(TempDirectory directory, string target, string profile)
    {
        var port = LoopbackProgram.FreePort();
        var config = directory.Combine("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: node
                static_configs:
                  - targets: ['{target}']
                    labels:
                      profile: {profile}
            """);
        return await LoopbackProgram.StartAsync(PrometheusPath, "prometheus", port, "-/ready",
            $"--config.file={config}", $"--storage.tsdb.path={directory.Combine("tsdb")}", $"--web.listen-address=127.0.0.1:{port}");
    }
}
