using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Simulator.Datasets;

/// <summary>Reads and writes a <see cref="FleetDataset"/> as one GZip-compressed binary file
/// (conventionally <c>*.fcds</c>). Layout of the decompressed bytes, little-endian; "string" is a
/// .NET <see cref="BinaryWriter"/> string (7-bit encoded byte length, then UTF-8):
/// <list type="number">
/// <item>magic <c>FCDS</c> (4 ASCII bytes), format version int32 (= 1);</item>
/// <item>start as int64 UTC ticks, step seconds int32, has-seed byte (0/1), seed int32;</item>
/// <item>metric count int32, then that many metric wire names (must equal the catalog, in order);</item>
/// <item>server count int32, steps int32;</item>
/// <item>per server: name string, profile wire name string, steps × metrics float32 values,
/// row-major [step, metric], NaN where the server did not report;</item>
/// <item>episode count int32; per episode: scenario string, start step int32, end step int32
/// (exclusive), affected count int32, affected server name strings.</item>
/// </list></summary>
public static class FleetDatasetFile
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "FCDS"u8.ToArray();

    /// <summary>Writes atomically: to a temporary file beside <paramref name="path"/>, then renamed.</summary>
    public static void Write(FleetDataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        using (var file = File.Create(temporary))
        {
            Write(dataset, file);
        }

        File.Move(temporary, full, overwrite: true);
    }

    public static void Write(FleetDataset dataset, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var steps = dataset.Steps;
        foreach (var series in dataset.Servers)
        {
            if (series.Values.Length != steps * MetricCatalog.Count)
            {
                throw new ArgumentException($"Server '{series.Server}' has {series.Values.Length} values; every server needs {steps} steps × {MetricCatalog.Count} metrics.", nameof(dataset));
            }
        }

        using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(dataset.Start.UtcTicks);
        writer.Write(dataset.StepSeconds);
        writer.Write(dataset.Seed.HasValue);
        writer.Write(dataset.Seed ?? 0);
        writer.Write(MetricCatalog.Count);
        foreach (var metric in MetricCatalog.All)
        {
            writer.Write(metric.WireName);
        }

        writer.Write(dataset.Servers.Count);
        writer.Write(steps);
        foreach (var series in dataset.Servers)
        {
            writer.Write(series.Server);
            writer.Write(ProfileNames.ToWire(series.Profile));
            WriteFloats(writer, series.Values);
        }

        writer.Write(dataset.Episodes.Count);
        foreach (var episode in dataset.Episodes)
        {
            writer.Write(episode.Scenario);
            writer.Write(episode.StartStep);
            writer.Write(episode.EndStep);
            writer.Write(episode.AffectedServers.Count);
            foreach (var server in episode.AffectedServers)
            {
                writer.Write(server);
            }
        }
    }

    /// <exception cref="InvalidDataException">The file is not a FleetCast dataset or is damaged; the
    /// message says which part.</exception>
    public static FleetDataset Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = File.OpenRead(path);
        try
        {
            return Read(file);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"'{path}': {ex.Message}", ex);
        }
    }

    public static FleetDataset Read(Stream source)
    {
        try
        {
            using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(gzip, Encoding.UTF8, leaveOpen: true);
            return ReadBody(reader);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The dataset file ends early (truncated).", ex);
        }
    }

    private static FleetDataset ReadBody(BinaryReader reader)
    {
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a FleetCast dataset file (magic 'FCDS' missing).");
        }

        var version = reader.ReadInt32();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Dataset format version {version} is not supported; this build reads version {FormatVersion}.");
        }

        var start = new DateTimeOffset(Checked(reader.ReadInt64(), 0, DateTime.MaxValue.Ticks, "start"), TimeSpan.Zero);
        var stepSeconds = (int)Checked(reader.ReadInt32(), 1, int.MaxValue, "stepSeconds");
        var hasSeed = reader.ReadBoolean();
        var seed = reader.ReadInt32();
        var metricCount = reader.ReadInt32();
        if (metricCount != MetricCatalog.Count)
        {
            throw new InvalidDataException($"metrics: the file has {metricCount} metrics; the catalog has {MetricCatalog.Count}.");
        }

        foreach (var metric in MetricCatalog.All)
        {
            var name = reader.ReadString();
            if (name != metric.WireName)
            {
                throw new InvalidDataException($"metrics: expected '{metric.WireName}' at position {metric.Index}, found '{name}'.");
            }
        }

        var serverCount = (int)Checked(reader.ReadInt32(), 0, int.MaxValue, "serverCount");
        var steps = (int)Checked(reader.ReadInt32(), 0, int.MaxValue / MetricCatalog.Count, "steps");
        var servers = new ServerSeries[serverCount];
        for (var i = 0; i < serverCount; i++)
        {
            var name = reader.ReadString();
            var profileName = reader.ReadString();
            if (!ProfileNames.TryParse(profileName, out var profile))
            {
                throw new InvalidDataException($"profile: server '{name}' has unknown profile '{profileName}'.");
            }

            var values = new float[steps * MetricCatalog.Count];
            ReadFloats(reader, values);
            servers[i] = new ServerSeries(name, profile, values);
        }

        var episodeCount = (int)Checked(reader.ReadInt32(), 0, int.MaxValue, "episodeCount");
        var episodes = new ScenarioEpisode[episodeCount];
        for (var i = 0; i < episodeCount; i++)
        {
            var scenario = reader.ReadString();
            var startStep = reader.ReadInt32();
            var endStep = reader.ReadInt32();
            var affected = new string[(int)Checked(reader.ReadInt32(), 0, serverCount, "episode affected count")];
            for (var j = 0; j < affected.Length; j++)
            {
                affected[j] = reader.ReadString();
            }

            episodes[i] = new ScenarioEpisode(scenario, startStep, endStep, affected);
        }

        return new FleetDataset(start, stepSeconds, hasSeed ? seed : null, servers, episodes);
    }

    private static long Checked(long value, long min, long max, string field) =>
        value >= min && value <= max
            ? value
            : throw new InvalidDataException($"{field}: {value} is outside {min}..{max}.");

    private static void WriteFloats(BinaryWriter writer, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    private static void ReadFloats(BinaryReader reader, float[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadSingle();
        }
    }
}
