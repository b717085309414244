using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using FleetCast.Forecasting.Tft;
using FleetCast.Simulator.Scenarios;

namespace FleetCast.Cli.Tests;

public sealed class TrainEvaluateCommandTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "fleetcast-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Train_TinyRun_SavesLoadableModelWithTrainingReport()
    {
        Assert.Equal(0, tiny.ExitCode);
        using var model = TftModel.Load(tiny.Directory, expectedStepSeconds: 300);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(tiny.Directory, TrainCommand.TrainingReportFile))).RootElement;

        Assert.Equal(8, model.Config.HiddenSize);
        Assert.Equal(1, report.GetProperty("epochs").GetInt32());
        Assert.Equal(3, report.GetProperty("dataSeed").GetInt32());
        Assert.True(double.IsFinite(report.GetProperty("bestValidationLoss").GetDouble()));
        Assert.Contains("epoch 1/1", tiny.Error.ToString());
        Assert.Contains("val ", tiny.Error.ToString());
        Assert.Contains("Saved the model", tiny.Output);
    }

    [Theory]
    [InlineData("--epochs", "0")]
    [InlineData("--servers", "0")]
    [InlineData("--time-budget-minutes", "0")]
    public void Train_InvalidOption_Exits2NamingTheOption(string option, string value)
    {
        var error = new StringWriter();

        var exit = FleetCastCli.CreateRootCommand().Parse(["train", option, value, "--out", _directory])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(2, exit);
        Assert.Contains(option, error.ToString());
        Assert.False(Directory.Exists(_directory));
    }

    /// <summary>What CI runs: `fleetcast evaluate --days 1 --servers 6` (with the shipped model when present).</summary>
    [Fact]
    public void Evaluate_OneDaySixServers_WritesReportsComparingTftWithTheThreeBaselines()
    {
        var model = ModelLocator.Find(TrainCommand.DefaultModelDirectory) ?? tiny.Directory;
        var output = new StringWriter();

        var exit = FleetCastCli.CreateRootCommand().Parse(["evaluate", "--days", "1", "--servers", "6", "--model", model, "--out", _directory])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "report.json"))).RootElement;
        var names = report.GetProperty("forecasters").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["tft", "linear-trend", "seasonal-naive", "holt-winters"], names);
        Assert.Equal(6, report.GetProperty("servers").GetInt32());
        Assert.All(report.GetProperty("forecasters").EnumerateArray(), f => Assert.True(f.GetProperty("pinballMean").GetDouble() > 0));
        Assert.Contains("tft", File.ReadAllText(Path.Combine(_directory, "report.md")));
        Assert.Contains("degrading@", output.ToString());
    }

    [Fact]
    public void Evaluate_ModelDirectoryMissing_Exits2NamingModel()
    {
        var error = new StringWriter();

        var exit = FleetCastCli.CreateRootCommand().Parse(["evaluate", "--model", Path.Combine(_directory, "none"), "--out", _directory])
            .Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(2, exit);
        Assert.Contains("--model", error.ToString());
    }

    [Fact]
    public void Calibrate_TrainedModel_RebuildsItsValidationSplitAndSavesTheSameCalibration()
    {
        // Arrange: a copy of the tiny model, whose training already measured a calibration.
        Directory.CreateDirectory(_directory);
        foreach (var file in Directory.GetFiles(tiny.Directory))
        {
            File.Copy(file, Path.Combine(_directory, Path.GetFileName(file)));
        }

        var trained = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, TftModel.ManifestFile)))!["calibration"]!;
        File.SetLastWriteTimeUtc(Path.Combine(_directory, TftModel.ManifestFile), DateTime.UnixEpoch);
        var output = new StringWriter();

        // Act: without --data, the simulated data named in the training report are generated again.
        var exit = FleetCastCli.CreateRootCommand().Parse(["calibrate", "--model", _directory, "--threads", "1"])
            .Invoke(new InvocationConfiguration { Output = output, Error = new StringWriter() });

        // Assert
        Assert.Equal(0, exit);
        Assert.Contains("Simulating 5 fleets of 2 servers × 3 days (seed 3)", output.ToString());
        Assert.Contains("Calibrated on", output.ToString());
        Assert.NotEqual(DateTime.UnixEpoch, File.GetLastWriteTimeUtc(Path.Combine(_directory, TftModel.ManifestFile)));
        using var model = TftModel.Load(_directory);
        // Same weights, same windows; MKL's kernels may differ in the last float bits between runs.
        Assert.All(trained["offsets"]!.AsArray().Select(o => o!.GetValue<double>()).Zip(model.Manifest.Calibration!.Offsets), pair => Assert.Equal(pair.First, pair.Second, 1e-3));
    }

    [Theory]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--model", "does-not-exist", "--model")]
    public void Calibrate_InvalidOption_Exits2NamingTheOption(string option, string value, string named)
    {
        var error = new StringWriter();
        var arguments = option == "--model" ? new[] { "calibrate", option, Path.Combine(_directory, value) } : ["calibrate", "--model", tiny.Directory, option, value];

        var exit = FleetCastCli.CreateRootCommand().Parse(arguments).Invoke(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(2, exit);
        Assert.Contains(named, error.ToString());
    }

    [Fact]
    public void GenerateFleets_Three_EachKindOfEpisodeStartsOneFleetsDayAndNamesStayUnique()
    {
        var data = SimulatedData.GenerateFleets(seed: 4, steps: 288, servers: 5, fleets: 3);

        Assert.Equal(15, data.Servers.Count);
        Assert.Equal(15, data.Servers.Select(s => s.Server).Distinct().Count());
        Assert.Contains(data.Servers, s => s.Server.EndsWith("@fleet2", StringComparison.Ordinal));
        var firstKinds = new[] { "", "@fleet1", "@fleet2" }.Select(suffix => data.Episodes
            .Where(e => e.Scenario != ScenarioNames.Healthy && e.AffectedServers.Any(a => suffix == "" ? !a.Contains('@', StringComparison.Ordinal) : a.EndsWith(suffix, StringComparison.Ordinal)))
            .MinBy(e => e.StartStep)!.Scenario);
        Assert.Equal([ScenarioNames.Cascade, ScenarioNames.Critical, ScenarioNames.Degrading], firstKinds.Order().ToArray());
    }

    [Fact]
    public void EpisodePlan_EveryDay_HoldsDegradingCriticalAndCascadeEachFollowedByHealthy()
    {
        var plan = EpisodePlan.Create(288 * 4, seed: 11);

        var switches = plan.OrderBy(p => p.Key).ToArray();

        Assert.Equal(24, switches.Length);
        foreach (var day in switches.Chunk(6))
        {
            Assert.Equal(
                [ScenarioNames.Cascade, ScenarioNames.Critical, ScenarioNames.Degrading],
                day.Where(s => s.Value != ScenarioNames.Healthy).Select(s => s.Value).Order().ToArray());
            Assert.All(day.Where((_, i) => i % 2 == 1), s => Assert.Equal(ScenarioNames.Healthy, s.Value));
        }
    }

    [Fact]
    public void EpisodePlan_FromDayToDay_ChangesTheOrderOfKindsAndTheirTimesOfDay()
    {
        var plan = EpisodePlan.Create(288 * 4, seed: 11);

        var days = plan.Where(p => p.Value != ScenarioNames.Healthy).OrderBy(p => p.Key).Chunk(3)
            .Select(day => (Kinds: string.Join(",", day.Select(p => p.Value)), Onsets: day.Select(p => p.Key % 288).ToArray()))
            .ToArray();

        Assert.True(days.Select(d => d.Kinds).Distinct().Count() > 1);
        Assert.True(days.Select(d => d.Onsets[0]).Distinct().Count() > 1);
        Assert.All(days, d => Assert.All(d.Onsets.Select((onset, block) => onset - (block * EpisodePlan.BlockSteps)), o => Assert.InRange(o, 12, 47)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
