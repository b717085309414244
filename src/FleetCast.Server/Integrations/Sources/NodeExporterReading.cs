namespace FleetCast.Server.Integrations.Sources;

/// <summary>The node_exporter series FleetCast uses, from one scrape; NaN where a series was absent.</summary>
/// <param name="At">Wall-clock time of the scrape (the sample's timestamp).</param>
/// <param name="CpuSeconds">node_cpu_seconds_total per mode, summed over CPUs.</param>
/// <param name="ReceiveBytes">node_network_receive_bytes_total summed over every device but lo.</param>
/// <param name="CloseWait">node_tcp_connection_states{state="close_wait"} (tcpstat collector, off by default).</param>
/// <param name="Time">node_time_seconds: the exporter's clock when it collected.</param>
public sealed record NodeExporterReading(
    DateTimeOffset At,
    IReadOnlyDictionary<string, double> CpuSeconds,
    double MemTotal,
    double MemAvailable,
    double SwapTotal,
    double SwapFree,
    double FilesystemSize,
    double FilesystemFree,
    double FilesystemAvailable,
    double ReceiveBytes,
    double TransmitBytes,
    double Load1,
    double CloseWait,
    double Time,
    double BootTime);
