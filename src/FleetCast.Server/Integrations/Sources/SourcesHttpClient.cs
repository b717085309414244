namespace FleetCast.Server.Integrations.Sources;

/// <summary>The one HttpClient the sources share (disposed with the container).</summary>
public sealed class SourcesHttpClient : IDisposable
{
    public SourcesHttpClient(TimeSpan timeout)
    {
        Client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = timeout };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("FleetCast-sources");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
