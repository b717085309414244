using System.CommandLine;
using System.Text.Json;
using FleetCast.Cli;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Cli.Tests;

public sealed class EvaluateSeedsCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"fleetcast-seeds-{Guid.NewGuid():N}");

    private static string ShippedModel() =>
        ModelLocator.Find(TrainCommand.DefaultModelDirectory) ?? throw new InvalidOperationException("models/default was not found above the test directory.");

    private (int Exit, string Output, string Error) Evaluate(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FleetCastCli.CreateRootCommand().Parse(["evaluate", "--model", ShippedModel(), "--out", _directory, .. args])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--seeds", "x", "--seeds: \"x\" is not a number.")]
    [InlineData("--seeds", "7,7", "--seeds: seed 7 is listed twice.")]
    [InlineData("--seeds", "0", "--seeds: a count must be 1 to 100")]
    [InlineData("--operating-point", "p70-persist2", "--operating-point: \"p70-persist2\"")]
    public void Evaluate_BadOption_Exits2NamingItAndWritesNothing(string option, string value, string expected)
    {
        var (exit, _, error) = Evaluate(option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public void Evaluate_TwoSeeds_WritesAReportPerSeedAndASummaryWithProgress()
    {
        var (exit, _, error) = Evaluate("--seeds", "2", "--seed", "31", "--days", "1", "--servers", "3", "--operating-point", "p50w24-p90w6-persist3");

        Assert.Equal(0, exit);
        foreach (var seed in new[] { 31, 32 })
        {
            var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, $"seed-{seed}", "report.json"))).RootElement;
            Assert.Equal(seed, report.GetProperty("seed").GetInt32());
            Assert.Equal("p50w24-p90w6-persist3", report.GetProperty("operatingPoint").GetString());
            Assert.True(report.GetProperty("forecasters")[0].GetProperty("alertCurve").GetArrayLength() > 100);
            Assert.True(File.Exists(Path.Combine(_directory, $"seed-{seed}", "report.md")));
        }

        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "report.json"))).RootElement;
        Assert.Equal([31, 32], summary.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(["tft", "linear-trend", "seasonal-naive", "holt-winters"], summary.GetProperty("forecasters").EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        Assert.Equal(2, summary.GetProperty("forecasters")[0].GetProperty("pinballMean").GetProperty("seeds").GetInt32());
        Assert.Equal(2, summary.GetProperty("modelVsBestBaseline").GetProperty("perSeed").GetArrayLength());
        Assert.Contains("seed 1/2 (31)", error);
        Assert.Contains("seed 2/2 (32): done", error);
        Assert.Contains("over seeds", File.ReadAllText(Path.Combine(_directory, "report.md")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
