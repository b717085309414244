using System.CommandLine;
using FleetCast.Cli;
using Microsoft.Extensions.Configuration;

namespace FleetCast.Cli.Tests;

public sealed class RunConfigurationTests
{
    [Fact]
    public void ToOptions_EnvironmentStyleKeys_BindTheFleetCastSectionAndTheCommandLineWins()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                // What FLEETCAST__FORECAST__THREADS=2 and FLEETCAST__SERVER__PORT=9100 become.
                ["FLEETCAST:FORECAST:THREADS"] = "2",
                ["FLEETCAST:SERVER:PORT"] = "9100",
                ["FLEETCAST:RETENTION:DAYS"] = "30",
            })
            .Build();
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var fromConfiguration = RunCommand.ToOptions(command.Parse([]), options, configuration);
        var withPort = RunCommand.ToOptions(command.Parse(["--port", "9200"]), options, configuration);

        Assert.Equal(2, fromConfiguration.Forecast.Threads);
        Assert.Equal(9100, fromConfiguration.Server.Port);
        Assert.Equal(30, fromConfiguration.Retention.Days);
        Assert.Equal(9200, withPort.Server.Port);
    }
}
