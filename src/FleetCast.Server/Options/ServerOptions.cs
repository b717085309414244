namespace FleetCast.Server.Options;

public sealed class ServerOptions
{
    public int Port { get; set; } = 8000;

    /// <summary>Address to bind: "127.0.0.1" (default, this machine only), "0.0.0.0"/"*" (all interfaces) or an IP.</summary>
    public string Bind { get; set; } = "127.0.0.1";

    public string DataDir { get; set; } = "./data";

    /// <summary>Seconds between heartbeat comments on the event stream.</summary>
    public int StreamHeartbeatSeconds { get; set; } = 15;
}
