using System.IO.Compression;
using System.Text.Json;
using FleetCast.Core.Json;
using FleetCast.Core.Snapshots;

namespace FleetCast.Server.Engine;

/// <summary>Serialises a snapshot once (camelCase JSON) and compresses it once with gzip and brotli,
/// so every reader of this version is served a memory copy.</summary>
/// <remarks>Levels are picked for the step budget (docs/performance.md has the timings): brotli quality 4
/// (from 5 on, brotli switches to slower match finders); gzip, served only to clients without brotli, uses
/// the fastest level.</remarks>
public static class PublishedSnapshotFactory
{
    private const int BrotliQuality = 4;
    private const int BrotliWindow = 22;

    /// <param name="epoch">Distinguishes processes so that an ETag from before a restart never matches.</param>
    /// <param name="skippedSteps">The engine's skipped steps as of this snapshot (not part of its JSON).</param>
    public static PublishedSnapshot Create(FleetSnapshot snapshot, IReadOnlyDictionary<string, ServerDetail> details, long epoch,
        SkippedStepCounts skippedSteps = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(snapshot, FleetJson.Options);
        return new PublishedSnapshot
        {
            Snapshot = snapshot,
            Json = json,
            JsonGzip = Gzip(json),
            JsonBrotli = Brotli(json),
            ETag = $"\"{epoch:x}-{snapshot.Version}\"",
            Details = details,
            SkippedSteps = skippedSteps,
        };
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream(data.Length / 4 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Brotli(byte[] data)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
        if (!BrotliEncoder.TryCompress(data, buffer, out var written, BrotliQuality, BrotliWindow))
        {
            throw new InvalidOperationException("Brotli compression of the snapshot failed.");
        }

        return buffer.AsSpan(0, written).ToArray();
    }
}
