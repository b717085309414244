using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Alerting;

/// <summary>A real Prometheus Alertmanager on 127.0.0.1 and a free port (scripts/setup.sh installs it).</summary>
// IAsyncLifetime, not IAsyncDisposable: xUnit 2 disposes a test class only through IDisposable or
// IAsyncLifetime, and an IAsyncDisposable-only class left its Alertmanager running after every test run.
public sealed class AlertmanagerIntegrationTests : IAsyncLifetime
{
    public const string AlertmanagerPath = "/usr/bin/prometheus-alertmanager";

    private readonly TempDirectory _directory = new();
    private readonly HttpClient _httpClient = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Process? _alertmanager;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_alertmanager is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        _alertmanager?.Dispose();
        _httpClient.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Deliver_FiredAlertThroughOutbox_AlertmanagerListsItWithLabelsAndWallClockStart()
    {
        // Arrange: data time runs hours ahead of the wall clock, as in the accelerated demo.
        var baseUrl = await StartAlertmanagerAsync();
        var options = Options(baseUrl);
        using var data = new TempDatabase();
        var (alerts, worker) = Pipeline(data.Database, options);
        var startedAt = DataTimeAhead(TimeSpan.FromHours(12));
        var alert = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Likely, 98, 98.6, 35), startedAt, startedAt);
        var before = WholeSecondNow();

        // Act
        alerts.Record([new AlertTransition(alert, AlertTransitionKind.Fired, startedAt)], Profiles);
        var delivered = await worker.RunOnceAsync(CancellationToken.None);

        // Assert
        Assert.Equal(1, delivered);
        JsonElement? found = null;
        Assert.True(await Eventually.TrueAsync(() => (found = FindAlert(baseUrl, "ppdb003")) is not null), "Alertmanager never listed the alert.");
        var labels = found!.Value.GetProperty("labels");
        Assert.Equal("FleetCastAlert", labels.GetProperty("alertname").GetString());
        Assert.Equal("mem_used_pct", labels.GetProperty("metric").GetString());
        Assert.Equal("critical", labels.GetProperty("level").GetString());
        Assert.Equal("database", labels.GetProperty("profile").GetString());
        Assert.Equal("active", found.Value.GetProperty("status").GetProperty("state").GetString());
        var startsAt = found.Value.GetProperty("startsAt").GetDateTimeOffset();
        Assert.InRange(startsAt, before, DateTimeOffset.UtcNow);
        var annotations = found.Value.GetProperty("annotations");
        Assert.Equal("mem_used_pct on ppdb003 likely to reach 98% in 35 min (critical)", annotations.GetProperty("summary").GetString());
        Assert.Equal(startedAt, annotations.GetProperty("data_started_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Deliver_DemoSpeed_StaysActivePastResolveTimeoutWhileResentThenResolves()
    {
        // Arrange: Alertmanager resolves alerts after 10 s; FleetCast re-sends every 2 s (each send ends
        // 6 s later). Data time starts 12 h ahead and runs one 5-minute step per wall second.
        var baseUrl = await StartAlertmanagerAsync(resolveTimeout: "10s");
        var options = Options(baseUrl);
        options.ResendSeconds = 2;
        options.PollMilliseconds = 200;
        using var data = new TempDatabase();
        var (alerts, worker) = Pipeline(data.Database, options);
        var dataStart = DataTimeAhead(TimeSpan.FromHours(12));
        var wallStart = DateTimeOffset.UtcNow;
        DateTimeOffset DataNow() => dataStart + ((DateTimeOffset.UtcNow - wallStart).TotalSeconds * TimeSpan.FromMinutes(5));
        var alert = new ActiveAlert("ppdb003", new AlertMetricFinding(Metric.CpuUserPct, AlertSeverity.Warning, AlertLikelihood.Likely, 90, 93, 40), dataStart, dataStart);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Act 1: fire, then watch it for longer than resolve_timeout and the first send's end.
            alerts.Record([new AlertTransition(alert, AlertTransitionKind.Fired, dataStart)], Profiles);
            JsonElement? first = null;
            Assert.True(await Eventually.TrueAsync(() => (first = FindAlert(baseUrl, "ppdb003")) is not null), "Alertmanager never listed the alert.");
            var firstEndsAt = first!.Value.GetProperty("endsAt").GetDateTimeOffset();
            var watchUntil = DateTimeOffset.UtcNow.AddSeconds(14);
            var inactiveSeen = 0;
            while (DateTimeOffset.UtcNow < watchUntil)
            {
                if (FindAlert(baseUrl, "ppdb003") is not { } seen || seen.GetProperty("status").GetProperty("state").GetString() != "active")
                {
                    inactiveSeen++;
                }

                await Task.Delay(500);
            }

            var later = FindAlert(baseUrl, "ppdb003");

            // Assert 1: active throughout, start kept, end moved forward by the re-sends.
            Assert.Equal(0, inactiveSeen);
            Assert.NotNull(later);
            Assert.Equal(first.Value.GetProperty("startsAt").GetDateTimeOffset(), later.Value.GetProperty("startsAt").GetDateTimeOffset());
            Assert.True(later.Value.GetProperty("endsAt").GetDateTimeOffset() > firstEndsAt.AddSeconds(8), "The end did not move with the re-sends.");
            Assert.True(later.Value.GetProperty("startsAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);

            // Act 2: resolve at the current data time (about 70 data minutes later).
            alerts.Record([new AlertTransition(alert, AlertTransitionKind.Resolved, DataNow())], Profiles);

            // Assert 2: no longer listed, well before the last send's end (6 s) would have expired it.
            Assert.True(await Eventually.TrueAsync(() => FindAlert(baseUrl, "ppdb003") is null, TimeSpan.FromSeconds(4)),
                "Alertmanager still lists the resolved alert.");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    private JsonElement? FindAlert(Uri baseUrl, string server)
    {
        var json = _httpClient.GetStringAsync(new Uri(baseUrl, "api/v2/alerts")).GetAwaiter().GetResult();
        using var document = JsonDocument.Parse(json);
        foreach (var alert in document.RootElement.EnumerateArray())
        {
            if (alert.GetProperty("labels").TryGetProperty("server", out var s) && s.GetString() == server)
            {
                return alert.Clone();
            }
        }

        return null;
    }

    private static readonly IReadOnlyDictionary<string, ServerProfile> Profiles = new Dictionary<string, ServerProfile> { ["ppdb003"] = ServerProfile.Database };

    private static AlertingOptions Options(Uri baseUrl) =>
        new() { RetryAttempts = 1, RetryDelayMilliseconds = 50, Routes = [TestAlerts.Route("am", "alertmanager", baseUrl.ToString())] };

    private static DateTimeOffset WholeSecondNow() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private static DateTimeOffset DataTimeAhead(TimeSpan ahead) => WholeSecondNow() + ahead;

    private (AlertStore Alerts, AlertDeliveryWorker Worker) Pipeline(SqliteDatabase database, AlertingOptions options)
    {
        var router = AlertRouter.FromOptions(options, TimeProvider.System);
        var worker = new AlertDeliveryWorker(new OutboxStore(database), router, new AlertDeliverySender(_httpClient, options, TimeProvider.System), options,
            TimeProvider.System, NullLogger<AlertDeliveryWorker>.Instance);
        return (new AlertStore(database, router), worker);
    }

    private async Task<Uri> StartAlertmanagerAsync(string resolveTimeout = "5m")
    {
        Assert.True(File.Exists(AlertmanagerPath),
            $"{AlertmanagerPath} is missing: run scripts/setup.sh, which installs the Debian package prometheus-alertmanager.");
        var config = _directory.Combine("alertmanager.yml");
        await File.WriteAllTextAsync(config, $"global:\n  resolve_timeout: {resolveTimeout}\nroute:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
        var port = FreePort();
        var start = new ProcessStartInfo(AlertmanagerPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.path={_directory.Combine("am-data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _alertmanager = Process.Start(start)!;
        _alertmanager.OutputDataReceived += (_, _) => { };
        _alertmanager.ErrorDataReceived += (_, _) => { };
        _alertmanager.BeginOutputReadLine();
        _alertmanager.BeginErrorReadLine();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/");
        Assert.True(await Eventually.TrueAsync(() => !_alertmanager.HasExited && IsReady(baseUrl), TimeSpan.FromSeconds(15)),
            $"Alertmanager did not become ready on {baseUrl} (exited: {_alertmanager.HasExited}).");
        return baseUrl;
    }

    private bool IsReady(Uri baseUrl)
    {
        try
        {
            using var response = _httpClient.GetAsync(new Uri(baseUrl, "-/ready")).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
