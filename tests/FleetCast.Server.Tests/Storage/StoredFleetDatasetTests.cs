using FleetCast.Core.Datasets;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Storage;

public sealed class StoredFleetDatasetTests : IDisposable
{
    private const int Step = 300;
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_764_331_200); // a multiple of 300 s
    private readonly TempDatabase _temp = new();
    private readonly SampleStore _samples;

    public StoredFleetDatasetTests() => _samples = new SampleStore(_temp.Database);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Read_KnownSamples_StepAlignedWithMeansNewestCounterGapsAndProfiles()
    {
        await _samples.AppendAsync(
        [
            Samples.Of("ppweb01", T0, (Metric.CpuUserPct, 10), (Metric.UptimeDays, 5)),
            Samples.Of("ppweb01", T0.AddSeconds(60), (Metric.CpuUserPct, 30), (Metric.UptimeDays, 4)),
            Samples.Of("ppweb01", T0.AddSeconds(Step * 3), (Metric.CpuUserPct, 50)),
            Samples.Of("misc01", T0.AddSeconds(Step + 10), ServerProfile.Database, (Metric.MemUsedPct, 70)),
        ]);

        var dataset = StoredFleetDataset.Read(_temp.Database, Step);

        Assert.Equal(T0, dataset.Start);
        Assert.Equal(4, dataset.Steps);
        Assert.Null(dataset.Seed);
        var misc = dataset.Servers.Single(s => s.Server == "misc01");
        var web = dataset.Servers.Single(s => s.Server == "ppweb01");
        Assert.Equal(ServerProfile.Database, misc.Profile);
        Assert.Equal(ServerProfile.WebApi, web.Profile);
        Assert.Equal(20f, web[0, Metric.CpuUserPct]);
        Assert.Equal(4f, web[0, Metric.UptimeDays]);
        Assert.True(float.IsNaN(web[1, Metric.CpuUserPct]));
        Assert.True(float.IsNaN(web[2, Metric.CpuUserPct]));
        Assert.Equal(50f, web[3, Metric.CpuUserPct]);
        Assert.True(float.IsNaN(web[0, Metric.MemUsedPct]));
        Assert.Equal(70f, misc[1, Metric.MemUsedPct]);
        Assert.True(float.IsNaN(misc[0, Metric.MemUsedPct]));
    }

    [Fact]
    public async Task Read_FromTo_KeepsOnlyThatRange()
    {
        await _samples.AppendAsync([.. Enumerable.Range(0, 10).Select(t => Samples.Of("ppdb01", T0.AddSeconds(t * Step), (Metric.CpuUserPct, t)))]);

        var dataset = StoredFleetDataset.Read(_temp.Database, Step, T0.AddSeconds(Step * 4), T0.AddSeconds(Step * 6));

        Assert.Equal(3, dataset.Steps);
        Assert.Equal(T0.AddSeconds(Step * 4), dataset.Start);
        Assert.Equal(4f, dataset.Servers[0][0, Metric.CpuUserPct]);
    }

    [Fact]
    public void Read_NothingStored_EmptyDataset()
    {
        var dataset = StoredFleetDataset.Read(_temp.Database, Step);

        Assert.Empty(dataset.Servers);
        Assert.Equal(0, dataset.Steps);
    }

    [Fact]
    public async Task Check_TooFewServersWithEnoughDays_SaysWhatIsMissing()
    {
        // One server with a day of samples, one with a few steps.
        var day = 86_400 / Step;
        await _samples.AppendAsync([.. Enumerable.Range(0, day).Select(t => Samples.Of("ppdb01", T0.AddSeconds(t * Step), (Metric.CpuUserPct, 1)))]);
        await _samples.AppendAsync([.. Enumerable.Range(0, 5).Select(t => Samples.Of("ppdb02", T0.AddSeconds(t * Step), (Metric.CpuUserPct, 1)))]);
        var dataset = StoredFleetDataset.Read(_temp.Database, Step);

        var problem = new DataSufficiency(2, 1).Check(dataset);
        var enough = new DataSufficiency(1, 1).Check(dataset);

        Assert.Equal(
            "Training on stored samples needs ≥ 2 servers with ≥ 1 days of samples each; found 1 such server of 2 stored (the most any server has is 1 days).",
            problem);
        Assert.Null(enough);
        var thrown = Assert.Throws<InsufficientDataException>(() => new DataSufficiency(2, 1).Ensure(dataset));
        Assert.Equal(problem, thrown.Message);
    }

    [Fact]
    public void Slice_CutsEveryServerAndMovesTheStart()
    {
        var values = Enumerable.Range(0, 5 * MetricCatalog.Count).Select(i => (float)i).ToArray();
        var dataset = new FleetDataset(T0, Step, 1, [new ServerSeries("a", ServerProfile.Generic, values)], [new ScenarioEpisode("critical", 1, 4, ["a"])]);

        var slice = dataset.Slice(2, 2);

        Assert.Equal(2, slice.Steps);
        Assert.Equal(T0.AddSeconds(2 * Step), slice.Start);
        Assert.Equal(dataset.Servers[0][2, Metric.CpuUserPct], slice.Servers[0][0, Metric.CpuUserPct]);
        Assert.Equal((0, 2), (slice.Episodes.Single().StartStep, slice.Episodes.Single().EndStep));
    }
}
