using System.CommandLine;
using FleetCast.Simulator;
using FleetCast.Simulator.Datasets;
using FleetCast.Simulator.Streaming;

namespace FleetCast.Cli;

/// <summary><c>fleetcast simulate</c>: stream a simulated fleet to a remote FleetCast (--url), or write a dataset file (--out, --days).</summary>
public static class SimulateCommand
{
    private const int StepSeconds = 300;

    public static Command Create()
    {
        var url = new Option<Uri?>("--url") { Description = "Base address of a running FleetCast to stream to, e.g. http://127.0.0.1:8000/ (samples go to /api/v1/ingest)." };
        var apiKeyFile = new Option<FileInfo?>("--api-key-file") { Description = "File whose first line is the API key sent as X-API-Key." };
        var servers = new Option<int>("--servers") { Description = "Number of simulated servers.", DefaultValueFactory = _ => 90 };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulated fleet.", DefaultValueFactory = _ => 42 };
        var speed = new Option<decimal>("--speed") { Description = "Steps per real second when streaming (0 = real time). An accelerated stream starts its clock in the past (--lag-steps) so the server's future-timestamp check accepts it.", DefaultValueFactory = _ => 1m };
        var lagSteps = new Option<int>("--lag-steps") { Description = "When streaming faster than real time, start the simulated clock this many steps behind the wall clock.", DefaultValueFactory = _ => 2016 };
        var output = new Option<FileInfo?>("--out") { Description = "Write a dataset file instead of streaming (for train/evaluate)." };
        var days = new Option<decimal>("--days") { Description = "Days of data to write with --out.", DefaultValueFactory = _ => 1m };
        var command = new Command("simulate", "Simulate a fleet: stream it to a remote FleetCast (--url) or write a dataset file (--out FILE --days N).")
        {
            url, apiKeyFile, servers, seed, speed, lagSteps, output, days,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var outFile = parse.GetValue(output);
            var target = parse.GetValue(url);
            if ((outFile is null) == (target is null))
            {
                error.WriteLine("Give exactly one of --url (stream to a server) or --out (write a dataset file).");
                return 2;
            }

            if (parse.GetValue(servers) < 1)
            {
                error.WriteLine("--servers must be at least 1.");
                return 2;
            }

            if (outFile is not null)
            {
                return WriteDataset(parse, outFile, parse.GetValue(servers), parse.GetValue(seed), parse.GetValue(days));
            }

            return await StreamAsync(parse, target!, parse.GetValue(apiKeyFile), parse.GetValue(servers), parse.GetValue(seed),
                parse.GetValue(speed), parse.GetValue(lagSteps), cancellationToken);
        });
        return command;
    }

    private static int WriteDataset(ParseResult parse, FileInfo outFile, int servers, int seed, decimal days)
    {
        if (days <= 0)
        {
            parse.InvocationConfiguration.Error.WriteLine("--days must be positive.");
            return 2;
        }

        var steps = (int)Math.Ceiling(days * 86_400 / StepSeconds);
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed, StepSeconds = StepSeconds });
        var dataset = simulator.Generate(steps);
        FleetDatasetFile.Write(dataset, outFile.FullName);
        parse.InvocationConfiguration.Output.WriteLine($"Wrote {steps} steps of {servers} servers (seed {seed}) to {outFile.FullName}.");
        return 0;
    }

    private static async Task<int> StreamAsync(ParseResult parse, Uri url, FileInfo? apiKeyFile, int servers, int seed, decimal speed, int lagSteps,
        CancellationToken cancellationToken)
    {
        if (speed < 0)
        {
            parse.InvocationConfiguration.Error.WriteLine("--speed must be 0 (real time) or positive.");
            return 2;
        }

        string? key = null;
        if (apiKeyFile is not null)
        {
            key = File.ReadLines(apiKeyFile.FullName).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        }

        var now = DateTimeOffset.UtcNow;
        var aligned = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / StepSeconds * StepSeconds);
        var start = speed > 0 ? aligned.AddSeconds(-(double)lagSteps * StepSeconds) : aligned;
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed, StepSeconds = StepSeconds, Start = start });
        var interval = speed > 0 ? TimeSpan.FromSeconds(1 / (double)speed) : TimeSpan.FromSeconds(StepSeconds);
        using var http = new HttpClient();
        using var streamer = new RemoteStreamer(http, new RemoteStreamerOptions { BaseAddress = url, ApiKey = key });
        parse.InvocationConfiguration.Output.WriteLine($"Streaming {servers} servers to {new Uri(url, "api/v1/ingest")} every {interval.TotalSeconds:0.###} s (simulated clock from {start:O}). Ctrl-C stops.");
        try
        {
            await streamer.RunAsync(simulator, interval, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (RemoteIngestException ex)
        {
            parse.InvocationConfiguration.Error.WriteLine(ex.Message);
            return 1;
        }

        parse.InvocationConfiguration.Output.WriteLine($"Sent {streamer.SamplesSent} samples in {streamer.BatchesSent} batches.");
        return 0;
    }
}
