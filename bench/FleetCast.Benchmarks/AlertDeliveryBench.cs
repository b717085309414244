using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Benchmarks;

/// <summary>Alert delivery through the real SQLite outbox and worker to a loopback webhook (Kestrel):
/// latency from <c>AlertStore.Record</c> to the receiver, one alert every 50 ms, at the default poll
/// (1000 ms) and at 50 ms; and outbox throughput: a backlog of stored deliveries drained to the receiver.
/// Run: dotnet run -c Release --project bench/FleetCast.Benchmarks -- --alert-delivery [latencyAlerts] [backlog]</summary>
public static class AlertDeliveryBench
{
    public const string Flag = "--alert-delivery";

    public static void Run(int latencyAlerts, int backlog) => RunAsync(latencyAlerts, backlog).GetAwaiter().GetResult();

    private static async Task RunAsync(int latencyAlerts, int backlog)
    {
        foreach (var poll in new[] { 1000, 50 })
        {
            var latencies = await MeasureLatencyAsync(latencyAlerts, poll);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency poll={poll} ms alerts={latencies.Length}: p50 {Percentile(latencies, 0.5):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, max {latencies.Max():F1} ms"));
        }

        var (seconds, delivered) = await MeasureThroughputAsync(backlog);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput backlog={backlog}: {delivered} delivered in {seconds:F2} s = {delivered / seconds:F0} deliveries/s"));
    }

    private static async Task<double[]> MeasureLatencyAsync(int alerts, int pollMilliseconds)
    {
        await using var receiver = await Receiver.StartAsync();
        using var run = new Pipeline(receiver.Url, pollMilliseconds);
        await run.Worker.StartAsync(CancellationToken.None);
        var sent = new Dictionary<string, long>();
        for (var i = 0; i < alerts; i++)
        {
            var server = $"lat{i:D5}";
            sent[server] = Stopwatch.GetTimestamp();
            run.Alerts.Record([Fired(server)], run.Profiles);
            await Task.Delay(50);
        }

        await receiver.WaitForAsync(alerts, TimeSpan.FromSeconds(30));
        await run.Worker.StopAsync(CancellationToken.None);
        return [.. sent.Select(s => Stopwatch.GetElapsedTime(s.Value, receiver.Arrivals[s.Key]).TotalMilliseconds).Order()];
    }

    private static async Task<(double Seconds, int Delivered)> MeasureThroughputAsync(int backlog)
    {
        await using var receiver = await Receiver.StartAsync();
        using var run = new Pipeline(receiver.Url, 1000);
        for (var i = 0; i < backlog; i += 100)
        {
            run.Alerts.Record([.. Enumerable.Range(i, Math.Min(100, backlog - i)).Select(n => Fired($"tp{n:D6}"))], run.Profiles);
        }

        var start = Stopwatch.GetTimestamp();
        await run.Worker.StartAsync(CancellationToken.None);
        await receiver.WaitForAsync(backlog, TimeSpan.FromMinutes(5));
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await run.Worker.StopAsync(CancellationToken.None);
        return (seconds, receiver.Arrivals.Count);
    }

    private static AlertTransition Fired(string server)
    {
        var at = DateTimeOffset.UtcNow.AddHours(12);
        return new AlertTransition(new ActiveAlert(server, new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Likely, 98, 98.6, 35), at, at),
            AlertTransitionKind.Fired, at);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>A temporary SQLite outbox, a webhook route to the receiver, and the worker.</summary>
    private sealed class Pipeline : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("fleetcast-alert-bench").FullName;
        private readonly SqliteDatabase _database;
        private readonly HttpClient _http = new();

        public Pipeline(Uri url, int pollMilliseconds)
        {
            var options = new AlertingOptions
            {
                PollMilliseconds = pollMilliseconds,
                MaxStoredDeliveries = 1_000_000,
                Routes = [new AlertRouteOptions { Name = "hook", Type = "webhook", Url = url.ToString() }],
            };
            _database = new SqliteDatabase(new SqliteStorageOptions(_directory));
            var router = AlertRouter.FromOptions(options, TimeProvider.System);
            Alerts = new AlertStore(_database, router);
            Worker = new AlertDeliveryWorker(new OutboxStore(_database), router, new AlertDeliverySender(_http, options, TimeProvider.System), options,
                TimeProvider.System, NullLogger<AlertDeliveryWorker>.Instance);
        }

        public AlertStore Alerts { get; }

        public AlertDeliveryWorker Worker { get; }

        public IReadOnlyDictionary<string, ServerProfile> Profiles { get; } = new Dictionary<string, ServerProfile>();

        public void Dispose()
        {
            Worker.Dispose();
            _http.Dispose();
            _database.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Kestrel on 127.0.0.1: records when each server's first delivery arrived.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app) => _app = app;

        public ConcurrentDictionary<string, long> Arrivals { get; } = new();

        public Uri Url { get; private set; } = default!;

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hook", async (HttpContext context) =>
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body);
                receiver.Arrivals.TryAdd(body.RootElement.GetProperty("alert").GetProperty("server").GetString()!, Stopwatch.GetTimestamp());
                return Results.Ok();
            });
            await app.StartAsync();
            receiver.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "hook");
            return receiver;
        }

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (Arrivals.Count < count && Stopwatch.GetTimestamp() < until)
            {
                await Task.Delay(5);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
