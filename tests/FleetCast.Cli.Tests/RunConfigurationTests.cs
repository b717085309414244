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

    [Fact]
    public void ToOptions_EnvironmentStyleAlertRoutes_BindTheRouteList()
    {
        // What FLEETCAST__ALERTING__ROUTES__0__NAME=am (and so on) become.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["FLEETCAST:ALERTING:ROUTES:0:NAME"] = "am",
                ["FLEETCAST:ALERTING:ROUTES:0:TYPE"] = "alertmanager",
                ["FLEETCAST:ALERTING:ROUTES:0:URL"] = "http://127.0.0.1:9093",
                ["FLEETCAST:ALERTING:ROUTES:1:NAME"] = "hook",
                ["FLEETCAST:ALERTING:ROUTES:1:TYPE"] = "webhook",
                ["FLEETCAST:ALERTING:ROUTES:1:URL"] = "https://hooks.example/in",
                ["FLEETCAST:ALERTING:ROUTES:1:MINLEVEL"] = "critical",
                ["FLEETCAST:ALERTING:ROUTES:1:PROFILES"] = "database,web_api",
                ["FLEETCAST:ALERTING:ROUTES:1:BEARERTOKEN"] = "t0ken",
                ["FLEETCAST:ALERTING:MAXATTEMPTS"] = "3",
            })
            .Build();
        var options = new RunOptions();
        var command = new Command("run");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        var settings = RunCommand.ToOptions(command.Parse([]), options, configuration);

        Assert.Equal(["am", "hook"], settings.Alerting.Routes.Select(r => r.Name));
        Assert.Equal("critical", settings.Alerting.Routes[1].MinLevel);
        Assert.Equal("database,web_api", settings.Alerting.Routes[1].Profiles);
        Assert.Equal("t0ken", settings.Alerting.Routes[1].BearerToken);
        Assert.Equal(3, settings.Alerting.MaxAttempts);
        Assert.Empty(FleetCast.Server.Hosting.FleetCastOptionsValidator.Errors(settings));
    }
}
