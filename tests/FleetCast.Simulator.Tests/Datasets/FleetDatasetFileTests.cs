using FleetCast.Simulator.Datasets;

namespace FleetCast.Simulator.Tests.Datasets;

public sealed class FleetDatasetFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fleetcast-sim-").FullName;

    [Fact]
    public void WriteThenRead_GeneratedDataset_RoundTripsEverything()
    {
        var dataset = GenerateSample();
        var path = Path.Combine(_directory, "train.fcds");

        FleetDatasetFile.Write(dataset, path);
        var read = FleetDatasetFile.Read(path);

        Assert.Equal(dataset.Start, read.Start);
        Assert.Equal(dataset.StepSeconds, read.StepSeconds);
        Assert.Equal(dataset.Seed, read.Seed);
        Assert.Equal(dataset.Servers.Select(s => (s.Server, s.Profile)), read.Servers.Select(s => (s.Server, s.Profile)));
        for (var i = 0; i < dataset.Servers.Count; i++)
        {
            Assert.Equal(dataset.Servers[i].Values, read.Servers[i].Values);
        }

        Assert.Equal(dataset.Episodes.Count, read.Episodes.Count);
        for (var i = 0; i < dataset.Episodes.Count; i++)
        {
            Assert.Equal((dataset.Episodes[i].Scenario, dataset.Episodes[i].StartStep, dataset.Episodes[i].EndStep), (read.Episodes[i].Scenario, read.Episodes[i].StartStep, read.Episodes[i].EndStep));
            Assert.Equal(dataset.Episodes[i].AffectedServers, read.Episodes[i].AffectedServers);
        }

        Assert.Contains(read.Servers, s => s.Values.Any(float.IsNaN));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void Read_NotADatasetFile_ThrowsInvalidData()
    {
        var path = Path.Combine(_directory, "bogus.fcds");
        File.WriteAllText(path, "server,timestamp\n");

        var ex = Assert.Throws<InvalidDataException>(() => FleetDatasetFile.Read(path));

        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsInvalidDataSayingSo()
    {
        var dataset = GenerateSample();
        using var full = new MemoryStream();
        FleetDatasetFile.Write(dataset, full);
        var bytes = full.ToArray();

        var ex = Assert.Throws<InvalidDataException>(() => FleetDatasetFile.Read(new MemoryStream(bytes[..(bytes.Length / 2)])));

        Assert.Contains("truncated", ex.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static FleetCast.Core.Datasets.FleetDataset GenerateSample() =>
        new FleetSimulator(new SimulatorOptions { Servers = 20, Seed = 8, CriticalIssueProbability = 0.05 })
            .Generate(150, new Dictionary<int, string> { [40] = "cascade", [90] = "healthy" });
}
