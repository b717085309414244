using System.CommandLine;
using System.Diagnostics;
using FleetCast.Dashboard;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Hosting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FleetCast.Cli;

/// <summary><c>fleetcast run</c>: the server with its dashboard and API, and by default an in-process simulated fleet.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var options = new RunOptions();
        var command = new Command("run", "Run the FleetCast server (dashboard, API, engine). By default it also runs a simulated fleet in-process; settings can also come from FLEETCAST__* environment variables.");
        foreach (var option in options.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            FleetCastOptions settings;
            try
            {
                settings = ToOptions(parse, options, LoadConfiguration());
            }
            catch (ArgumentException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 2;
            }

            var errors = FleetCastOptionsValidator.Errors(settings);
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    parse.InvocationConfiguration.Error.WriteLine(error);
                }

                return 2;
            }

            try
            {
                await RunAsync(settings, parse.GetValue(options.OpenBrowser), cancellationToken);
            }
            catch (Exception ex) when (ex is StorageCorruptException or DataDirectoryInUseException)
            {
                // The message names the file and what to do; a stack trace would only bury it.
                parse.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 3;
            }

            return 0;
        });
        return command;
    }

    /// <summary>Settings from configuration (section FleetCast, e.g. FLEETCAST__FORECAST__STEPSECONDS) with the command line on top.</summary>
    public static FleetCastOptions ToOptions(ParseResult parse, RunOptions options, IConfiguration? configuration = null)
    {
        var settings = new FleetCastOptions();
        configuration?.GetSection(FleetCastOptions.SectionName).Bind(settings);
        T Pick<T>(Option<T> option, T current) => parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : current;

        settings.Server.Port = Pick(options.Port, settings.Server.Port);
        settings.Server.Bind = Pick(options.Bind, settings.Server.Bind);
        settings.Server.DataDir = Pick(options.DataDir, settings.Server.DataDir);
        settings.Simulator.Servers = Pick(options.Servers, settings.Simulator.Servers);
        settings.Simulator.Seed = Pick(options.Seed, settings.Simulator.Seed);
        settings.Simulator.Speed = (double)Pick(options.Speed, (decimal)settings.Simulator.Speed);
        settings.Simulator.BackfillSteps = Pick(options.BackfillSteps, settings.Simulator.BackfillSteps);
        if (parse.GetValue(options.NoSimulator))
        {
            settings.Simulator.Enabled = false;
        }

        SourceArguments.Apply(parse, options, settings.Sources);
        if (parse.GetValue(options.ApiKeyFile) is { } keyFile)
        {
            settings.Auth.ApiKeyFile = keyFile.FullName;
        }

        if (parse.GetValue(options.Model) is { } model)
        {
            settings.Forecast.ModelDir = model.FullName;
        }

        else if (string.IsNullOrWhiteSpace(settings.Forecast.ModelDir) && ModelLocator.Find(TrainCommand.DefaultModelDirectory) is { } shipped)
        {
            // The shipped model, found from the current directory upwards or beside the program.
            settings.Forecast.ModelDir = shipped;
        }

        return settings;
    }

    // Environment variables named FLEETCAST__<SECTION>__<KEY> (double underscores) map to the "FleetCast"
    // section, e.g. FLEETCAST__FORECAST__THREADS=2.
    internal static IConfiguration LoadConfiguration() => new ConfigurationBuilder()
        .AddEnvironmentVariables()
        .Build();

    private static async Task RunAsync(FleetCastOptions settings, bool openBrowser, CancellationToken cancellationToken)
    {
        FleetSimulator? simulator = null;
        if (settings.Simulator.Enabled)
        {
            simulator = SimulatorFeeder.CreateSimulator(settings);
        }

        await using var app = FleetCastHost.Build(settings, simulator, services =>
        {
            if (simulator is not null)
            {
                services.AddSingleton(simulator);
                services.AddHostedService<SimulatorFeeder>();
            }
        }, modules: [new DashboardModule()]);

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? $"http://127.0.0.1:{settings.Server.Port}";
        Console.WriteLine($"FleetCast is listening on {string.Join(", ", addresses)} (data: {Path.GetFullPath(settings.Server.DataDir)}).");
        if (openBrowser)
        {
            TryOpenBrowser(url.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }

        // Ctrl-C / SIGTERM trigger the host's ordered shutdown (see FleetCastHost); accepted data is already committed.
        await app.WaitForShutdownAsync(cancellationToken);
    }

    private static void TryOpenBrowser(string url)
    {
        try
        {
            var opener = OperatingSystem.IsWindows() ? "explorer" : OperatingSystem.IsMacOS() ? "open" : "xdg-open";
            using var process = Process.Start(new ProcessStartInfo(opener, url) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Console.WriteLine($"Could not open a browser ({ex.Message}); open {url} yourself.");
        }
    }
}
