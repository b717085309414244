using System.CommandLine;
using System.Text.Json;
using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Storage;
using FleetCast.Simulator;

namespace FleetCast.Cli.Tests;

/// <summary><c>fleetcast train --data-dir</c>: training on the samples a server stored.</summary>
public sealed class TrainDataDirTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "fleetcast-cli-tests", Guid.NewGuid().ToString("N"));

    private string DataDir => Path.Combine(_root, "data");

    private string ModelDir => Path.Combine(_root, "model");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Train_DataDirWithEnoughSamples_TrainsOnTheStoredFleet()
    {
        await StoreAsync(servers: 2, days: 3);

        var (exit, output, error) = Run("--min-days", "2");

        Assert.True(exit == 0, error);
        Assert.Contains("Read 2 servers × 864 steps of stored samples", error);
        using var model = TftModel.Load(ModelDir, expectedStepSeconds: 300);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(ModelDir, TrainCommand.TrainingReportFile))).RootElement;
        Assert.Equal(2, report.GetProperty("servers").GetInt32());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("dataSeed").ValueKind);
        Assert.Contains("Saved the model", output);
    }

    [Fact]
    public async Task Train_DataDirWithTooFewDays_Exits2SayingWhatIsMissing()
    {
        await StoreAsync(servers: 2, days: 1);

        var (exit, _, error) = Run();

        Assert.Equal(2, exit);
        Assert.Contains("--data-dir: Training on stored samples needs ≥ 2 servers with ≥ 3 days of samples each; found 0 such servers of 2 stored", error);
        Assert.False(Directory.Exists(ModelDir));
    }

    [Fact]
    public async Task Train_DataDirOfARunningServer_Exits2SayingHowToTrainInsteadAndTouchesNothing()
    {
        await StoreAsync(servers: 2, days: 1);
        using var running = new SqliteDatabase(new SqliteStorageOptions(DataDir));

        var (exit, _, error) = Run();

        Assert.Equal(2, exit);
        Assert.Contains("is in use by another FleetCast process", error);
        Assert.Contains("/api/v1/admin/models/retrain", error);
        Assert.Contains(".backup", error);
        Assert.False(Directory.Exists(ModelDir));
        Assert.True(running.ProbeWrite());
    }

    [Fact]
    public void Train_DataDirWithoutDatabase_Exits2NamingTheOption()
    {
        Directory.CreateDirectory(DataDir);

        var (exit, _, error) = Run();

        Assert.Equal(2, exit);
        Assert.Contains($"--data-dir: '{DataDir}' holds no fleetcast.db", error);
        Assert.False(File.Exists(Path.Combine(DataDir, SqliteDatabase.FileName)));
    }

    private (int Exit, string Output, string Error) Run(params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FleetCastCli.CreateRootCommand().Parse(
            [
                "train", "--data-dir", DataDir, "--epochs", "1", "--windows-per-epoch", "32", "--validation-windows", "8", "--hidden-size", "8",
                "--batch-size", "16", "--threads", "1", "--out", ModelDir, .. extra,
            ])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    private async Task StoreAsync(int servers, int days)
    {
        var dataset = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = 4, StepSeconds = 300 }).Generate(days * 288);
        using var database = new SqliteDatabase(new SqliteStorageOptions(DataDir));
        var samples = from step in Enumerable.Range(0, dataset.Steps)
                      from server in dataset.Servers
                      select new MetricSample(server.Server, dataset.TimeOf(step), server.Profile,
                          [.. server.Values.AsSpan(step * MetricCatalog.Count, MetricCatalog.Count).ToArray().Select(v => (double)v)]);
        await new SampleStore(database).AppendAsync([.. samples]);
    }
}
