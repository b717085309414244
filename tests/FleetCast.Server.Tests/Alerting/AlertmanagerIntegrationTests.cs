using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FleetCast.Core.Alerts;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;
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
    public async Task Deliver_FiredAlertThroughOutbox_AlertmanagerListsItWithLabels()
    {
        // Arrange
        var baseUrl = await StartAlertmanagerAsync();
        var options = new AlertingOptions { RetryAttempts = 1, RetryDelayMilliseconds = 50, Routes = [TestAlerts.Route("am", "alertmanager", baseUrl.ToString())] };
        using var database = new SqliteDatabase(new SqliteStorageOptions(_directory.Combine("data")));
        var router = AlertRouter.FromOptions(options, TimeProvider.System);
        var alerts = new AlertStore(database, router);
        var outbox = new OutboxStore(database);
        var worker = new AlertDeliveryWorker(outbox, router, new AlertDeliverySender(_httpClient, options, TimeProvider.System), options,
            TimeProvider.System, NullLogger<AlertDeliveryWorker>.Instance);
        var startedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60);
        var alert = new ActiveAlert("ppdb003", Metric.MemUsedPct, AlertSeverity.Critical, AlertLikelihood.Likely, 98, 98.6, 35, startedAt, startedAt);
        alerts.Record([new AlertTransition(alert, AlertTransitionKind.Fired, startedAt)], new Dictionary<string, ServerProfile> { ["ppdb003"] = ServerProfile.Database });

        // Act
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
        Assert.Equal(startedAt, found.Value.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("mem_used_pct on ppdb003 likely to reach 98% in 35 min (critical)", found.Value.GetProperty("annotations").GetProperty("summary").GetString());
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

    private async Task<Uri> StartAlertmanagerAsync()
    {
        Assert.True(File.Exists(AlertmanagerPath),
            $"{AlertmanagerPath} is missing: run scripts/setup.sh, which installs the Debian package prometheus-alertmanager.");
        var config = _directory.Combine("alertmanager.yml");
        await File.WriteAllTextAsync(config, "route:\n  receiver: blackhole\nreceivers:\n  - name: blackhole\n");
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
