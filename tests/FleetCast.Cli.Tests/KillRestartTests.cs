using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace FleetCast.Cli.Tests;

/// <summary>Runs the built <c>fleetcast.dll</c> as a child process, kills it with SIGKILL and starts it
/// again on the same data directory: everything the first process acknowledged must be back.</summary>
public sealed class KillRestartTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "fleetcast-cli-tests", Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();

    [Fact]
    public async Task RunWithSimulator_KilledHard_RestartsWithEveryAcknowledgedStep()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "fleetcast.dll");
        Assert.True(File.Exists(dll), $"built CLI not found at {dll}");

        var port = FreePort();
        DateTimeOffset before;
        using (var first = Start(dll, port, "--servers", "6", "--backfill-steps", "120", "--speed", "20"))
        {
            var fleet = await WaitForFleetAsync(port, first);
            before = fleet.GetProperty("dataTime").GetDateTimeOffset();
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        port = FreePort();
        using var second = Start(dll, port, "--no-simulator");
        try
        {
            var restored = await WaitForFleetAsync(port, second);

            Assert.Equal(6, restored.GetProperty("summary").GetProperty("totalServers").GetInt32());
            Assert.True(restored.GetProperty("dataTime").GetDateTimeOffset() >= before);
            var name = restored.GetProperty("servers")[0].GetProperty("name").GetString();
            var detail = JsonDocument.Parse(await _http.GetStringAsync($"http://127.0.0.1:{port}/api/v1/servers/{name}")).RootElement;
            Assert.True(detail.GetProperty("ready").GetBoolean());
            Assert.True(detail.GetProperty("history").GetProperty("cpu_idle_pct").GetArrayLength() >= 96);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    private Process Start(string dll, int port, params string[] extra)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "run", "--port", port.ToString(), "--data-dir", _dataDir }.Concat(extra))
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<JsonElement> WaitForFleetAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(process.HasExited, $"fleetcast exited early with code {(process.HasExited ? process.ExitCode : 0)}");
            try
            {
                using var response = await _http.GetAsync($"http://127.0.0.1:{port}/api/v1/fleet");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"/api/v1/fleet did not answer 200 within {Deadline.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
