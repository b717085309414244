using BenchmarkDotNet.Attributes;
using FleetCast.Core.Samples;
using FleetCast.Server.Ingest;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using FleetCast.Simulator;
using FleetCast.Simulator.Streaming;

namespace FleetCast.Benchmarks;

/// <summary>Durable ingest: one batch of 4,000 records × 14 metrics (1,000 hosts, 4 scrapes) parsed,
/// committed to SQLite (WAL, synchronous=FULL) and applied to the windows. Values/s = 56,000 / mean time.</summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class IngestBenchmarks
{
    private const int Hosts = 1000;
    private const int ScrapesPerBatch = 4;
    private string _dataDir = "";
    private SqliteDatabase? _database;
    private IngestService? _service;
    private IngestRequestParser? _parser;
    private FleetSimulator? _simulator;
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), "fleetcast-bench-" + Guid.NewGuid().ToString("N"));
        _database = new SqliteDatabase(new SqliteStorageOptions(_dataDir));
        _service = new IngestService(new SampleStore(_database), new WindowStore(), new IngestStatistics());
        _parser = new IngestRequestParser();
        _simulator = new FleetSimulator(new SimulatorOptions { Servers = Hosts, Seed = 3 });
        _body = IngestPayload.Serialize(NextBatch());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }

    private List<MetricSample> NextBatch()
    {
        var batch = new List<MetricSample>(Hosts * ScrapesPerBatch);
        for (var i = 0; i < ScrapesPerBatch; i++)
        {
            batch.AddRange(_simulator!.Step());
        }

        return batch;
    }

    /// <summary>Commit + window update of 4,000 records (already parsed).</summary>
    [Benchmark]
    public async Task<int> CommitBatch()
    {
        var batch = NextBatch();
        var result = await _service!.IngestAsync(batch);
        return result.Accepted;
    }

    /// <summary>Parse + validate the JSON body of 4,000 records.</summary>
    [Benchmark]
    public int ParseBatch() => _parser!.Parse(_body, IngestShape.Samples, DateTimeOffset.MaxValue.AddDays(-1)).Samples.Count;
}
