namespace FleetCast.Server.Ingest;

/// <summary>The two accepted request bodies.</summary>
public enum IngestShape
{
    /// <summary><c>POST /api/v1/ingest</c>: <c>{ "samples": [ { "server", "timestamp", "profile"?, "metrics": { ... } } ] }</c>.</summary>
    Samples,

    /// <summary>Compatibility <c>POST /feed/data</c>: <c>{ "records": [ { "timestamp", "server_name", "profile"?, "cpu_user_pct", ... } ] }</c>.</summary>
    Records,
}
