using System.CommandLine;
using FleetCast.Cli;

namespace FleetCast.Cli.Tests;

public sealed class CliParsingTests
{
    [Fact]
    public void Run_NoOptions_UsesDocumentedDefaults()
    {
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var settings = RunCommand.ToOptions(command.Parse([]), options);

        Assert.Equal(8000, settings.Server.Port);
        Assert.Equal("127.0.0.1", settings.Server.Bind);
        Assert.Equal("./data", settings.Server.DataDir);
        Assert.Equal(90, settings.Simulator.Servers);
        Assert.Equal(42, settings.Simulator.Seed);
        Assert.Equal(1.0, settings.Simulator.Speed);
        Assert.Equal(576, settings.Simulator.BackfillSteps);
        Assert.True(settings.Simulator.Enabled);
        Assert.Null(settings.Auth.ApiKeyFile);
        Assert.Equal(ModelLocatorPath(), settings.Forecast.ModelDir);
    }

    /// <summary>The shipped model, found from the test's directory upwards (the repository's models/default).</summary>
    private static string ModelLocatorPath() =>
        FleetCast.Forecasting.Tft.ModelLocator.Find(TrainCommand.DefaultModelDirectory)
        ?? throw new InvalidOperationException("models/default was not found above the test directory.");

    [Fact]
    public void Run_GivenOptions_OverrideDefaults()
    {
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var parse = command.Parse(["--port", "9100", "--data-dir", "/tmp/x", "--servers", "1000", "--seed", "7", "--speed", "0.5",
            "--no-simulator", "--api-key-file", "/tmp/keys", "--backfill-steps", "12", "--bind", "0.0.0.0"]);
        var settings = RunCommand.ToOptions(parse, options);

        Assert.Empty(parse.Errors);
        Assert.Equal(9100, settings.Server.Port);
        Assert.Equal("/tmp/x", settings.Server.DataDir);
        Assert.Equal(1000, settings.Simulator.Servers);
        Assert.Equal(7, settings.Simulator.Seed);
        Assert.Equal(0.5, settings.Simulator.Speed);
        Assert.False(settings.Simulator.Enabled);
        Assert.Equal("/tmp/keys", settings.Auth.ApiKeyFile);
        Assert.Equal(12, settings.Simulator.BackfillSteps);
        Assert.Equal("0.0.0.0", settings.Server.Bind);
    }

    [Fact]
    public void Run_SpeedNotANumber_IsAParseErrorNamingTheOption()
    {
        var parse = FleetCastCli.CreateRootCommand().Parse(["run", "--speed", "fast"]);

        Assert.Contains(parse.Errors, e => e.Message.Contains("--speed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("run", new[] { "--port", "--data-dir", "--servers", "--seed", "--speed", "--no-simulator", "--api-key-file", "--backfill-steps", "--model", "--open-browser", "--bind" })]
    [InlineData("keygen", new[] { "--out", "--force" })]
    [InlineData("evaluate", new[] { "--seed", "--seeds", "--days", "--servers", "--model", "--out", "--threads", "--operating-point" })]
    [InlineData("simulate", new[] { "--url", "--api-key-file", "--servers", "--seed", "--speed", "--out", "--days" })]
    public void Help_ForCommand_ExplainsEachOption(string command, string[] expected)
    {
        var output = new StringWriter();

        var exit = FleetCastCli.CreateRootCommand().Parse([command, "--help"]).Invoke(new InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        var help = output.ToString();
        foreach (var option in expected)
        {
            Assert.Contains(option, help);
        }
    }

    [Fact]
    public void Help_Run_SaysSpeedIsStepsPerRealSecondAndZeroIsRealTime()
    {
        var output = new StringWriter();

        FleetCastCli.CreateRootCommand().Parse(["run", "--help"]).Invoke(new InvocationConfiguration { Output = output });

        Assert.Contains("steps per real second", output.ToString());
        Assert.Contains("0 = real time", output.ToString());
    }
}
