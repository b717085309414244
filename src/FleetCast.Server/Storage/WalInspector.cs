using System.Buffers.Binary;

namespace FleetCast.Server.Storage;

/// <summary>
/// Reads a SQLite write-ahead log the way SQLite's recovery does (https://www.sqlite.org/fileformat2.html#walformat)
/// and reports what recovery would silently drop. Recovery walks the frames from the start while each carries the
/// header's salts and continues the cumulative checksum; at the first frame that does not, it stops, and everything
/// from there on is ignored, committed transactions included. Frames with other salts are normal leftovers of an
/// earlier generation; frames with the current salts after the break were written in this generation and are lost.
/// </summary>
public static class WalInspector
{
    private const int HeaderSize = 32;
    private const int FrameHeaderSize = 24;
    private const uint MagicLittleEndian = 0x377f0682;
    private const uint MagicBigEndian = 0x377f0683;
    private const uint FormatVersion = 3007000;

    /// <summary>Inspects the WAL at <paramref name="walPath"/>; null when there is no such file or it holds
    /// less than a header (nothing to recover).</summary>
    public static WalInspection? Inspect(string walPath)
    {
        ArgumentNullException.ThrowIfNull(walPath);
        if (!File.Exists(walPath))
        {
            return null;
        }

        using var stream = new FileStream(walPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Span<byte> header = stackalloc byte[HeaderSize];
        if (stream.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize)
        {
            return null;
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(header);
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        var plausiblePageSize = pageSize is >= 512 and <= 65536 && (pageSize & (pageSize - 1)) == 0;
        var framesInFile = plausiblePageSize ? (int)((stream.Length - HeaderSize) / (FrameHeaderSize + pageSize)) : 0;
        var bigEndian = (magic & 1) == 1;
        var headerChecksum = Checksum(header[..24], bigEndian, (0, 0));
        var headerValid = magic is MagicLittleEndian or MagicBigEndian
            && BinaryPrimitives.ReadUInt32BigEndian(header[4..]) == FormatVersion
            && plausiblePageSize
            && headerChecksum == (BinaryPrimitives.ReadUInt32BigEndian(header[24..]), BinaryPrimitives.ReadUInt32BigEndian(header[28..]));
        if (!headerValid)
        {
            // A garbled page size leaves the frame count unknown; any bytes past the header still mean lost frames.
            var frames = plausiblePageSize ? framesInFile : stream.Length > HeaderSize ? 1 : 0;
            return new WalInspection(walPath, false, frames, 0, 0, frames > 0 ? 1 : null, frames, 0);
        }

        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(header[16..]);
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(header[20..]);
        return WalkFrames(stream, walPath, pageSize, framesInFile, bigEndian, salt1, salt2, headerChecksum);
    }

    private static WalInspection WalkFrames(Stream stream, string walPath, int pageSize, int frames, bool bigEndian, uint salt1, uint salt2,
        (uint, uint) chain)
    {
        var frame = new byte[FrameHeaderSize + pageSize];
        int kept = 0, stale = 0, lost = 0, lostCommits = 0;
        int? broken = null;
        for (var i = 0; i < frames; i++)
        {
            stream.ReadExactly(frame);
            var span = frame.AsSpan();
            var pageNumber = BinaryPrimitives.ReadUInt32BigEndian(span);
            var isCommit = BinaryPrimitives.ReadUInt32BigEndian(span[4..]) != 0;
            var currentSalts = BinaryPrimitives.ReadUInt32BigEndian(span[8..]) == salt1 && BinaryPrimitives.ReadUInt32BigEndian(span[12..]) == salt2;
            if (broken is null)
            {
                var next = currentSalts ? Checksum(span[FrameHeaderSize..], bigEndian, Checksum(span[..8], bigEndian, chain)) : default;
                var stored = (BinaryPrimitives.ReadUInt32BigEndian(span[16..]), BinaryPrimitives.ReadUInt32BigEndian(span[20..]));
                if (currentSalts && pageNumber != 0 && next == stored)
                {
                    chain = next;
                    kept += isCommit ? 1 : 0;
                    continue;
                }

                broken = i + 1;
            }

            if (currentSalts)
            {
                lost++;
                lostCommits += isCommit ? 1 : 0;
            }
            else
            {
                stale++;
            }
        }

        return new WalInspection(walPath, true, frames, kept, stale, broken, lost, lostCommits);
    }

    /// <summary>SQLite's WAL checksum: Fibonacci-weighted sums of 32-bit words, continued from <paramref name="seed"/>.</summary>
    private static (uint, uint) Checksum(ReadOnlySpan<byte> data, bool bigEndian, (uint S0, uint S1) seed)
    {
        var (s0, s1) = seed;
        unchecked
        {
            for (var i = 0; i + 8 <= data.Length; i += 8)
            {
                var x0 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[i..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[i..]);
                var x1 = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(data[(i + 4)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(i + 4)..]);
                s0 += x0 + s1;
                s1 += x1 + s0;
            }
        }

        return (s0, s1);
    }
}
