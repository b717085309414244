using System.IO.Compression;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Api;

/// <summary>The compatibility predictions body carries full quantiles (tens of MB at 1,000 servers),
/// so it is serialised and gzipped at most once per snapshot version, on first request.</summary>
public sealed class CompatPredictionsCache
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedBody? _cached;

    public int Serialisations { get; private set; }

    public async Task<CachedBody> GetAsync(PublishedSnapshot published, CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref _cached);
        if (cached?.Version == published.Snapshot.Version)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            if (cached?.Version == published.Snapshot.Version)
            {
                return cached;
            }

            var json = CompatPredictionsWriter.Write(published);
            using var gzipped = new MemoryStream(json.Length / 4 + 64);
            using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(json);
            }

            cached = new CachedBody(published.Snapshot.Version, json, gzipped.ToArray(), published.ETag.TrimEnd('"') + "-compat\"");
            Serialisations++;
            Volatile.Write(ref _cached, cached);
            return cached;
        }
        finally
        {
            _gate.Release();
        }
    }

    public sealed record CachedBody(long Version, byte[] Json, byte[] Gzip, string ETag);
}
