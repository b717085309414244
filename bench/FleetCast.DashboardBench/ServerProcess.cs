using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetCast.DashboardBench;

/// <summary>`fleetcast run` with the in-process simulator on a free loopback port and its own temporary
/// data directory. The Release build's fleetcast.dll is started directly with `dotnet` (not through
/// `dotnet run`), so that <see cref="Pid"/> is the server itself and its CPU and memory can be read.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly string _dataDir;
    private readonly StringBuilder _output = new();
    private volatile bool _backfilled;

    private ServerProcess(Process process, string dataDir, Uri baseAddress)
    {
        _process = process;
        _dataDir = dataDir;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Pid => _process.Id;

    public static async Task<ServerProcess> StartAsync(string root, int servers, decimal speed)
    {
        var cliDll = Path.Combine(root, "src", "FleetCast.Cli", "bin", "Release", "net10.0", "fleetcast.dll");
        if (!File.Exists(cliDll))
        {
            throw new InvalidOperationException($"The Release build of the CLI is missing ({cliDll}); run `dotnet build src/FleetCast.Cli -c Release` first (bench/dashboard/run.sh does).");
        }

        var port = FreeLoopbackPort();
        var dataDir = Path.Combine(Path.GetTempPath(), "fleetcast-dashbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            cliDll, "run", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--data-dir", dataDir,
            "--servers", servers.ToString(CultureInfo.InvariantCulture), "--speed", speed.ToString(CultureInfo.InvariantCulture),
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new ServerProcess(process, dataDir, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilServingAsync();
            await server.WaitUntilBackfilledAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Open dashboard sessions (Blazor circuits) as the server counts them on /metrics.</summary>
    public async Task<int> DashboardSessionsAsync() => (int)(await MetricAsync("fleetcast_dashboard_sessions") ?? -1);

    /// <summary>Managed heap in use (<c>dotnet_total_memory_bytes</c>, GC.GetTotalMemory) on /metrics.</summary>
    public async Task<long?> ManagedHeapBytesAsync() => (long?)await MetricAsync("dotnet_total_memory_bytes");

    /// <summary>Managed heap in use right after the last full blocking collection, and that collection's
    /// index (<c>fleetcast_gc_live_heap_bytes</c>, <c>fleetcast_gc_full_blocking_index</c>).</summary>
    public async Task<(long? Bytes, long? Index)> LiveHeapAfterFullGcAsync() =>
        ((long?)await MetricAsync("fleetcast_gc_live_heap_bytes"), (long?)await MetricAsync("fleetcast_gc_full_blocking_index"));

    /// <summary>The server's share of the update delay, in seconds, as counted so far
    /// (<c>fleetcast_dashboard_update_seconds</c>: publication to the session's render handed to its connection).</summary>
    public async Task<BucketHistogram> UpdateDelayHistogramAsync() =>
        BucketHistogram.Parse(await MetricsTextAsync(), "fleetcast_dashboard_update_seconds");

    private async Task<string> MetricsTextAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        return await http.GetStringAsync("metrics");
    }

    private async Task<double?> MetricAsync(string name)
    {
        var metrics = await MetricsTextAsync();
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the simulator has back-filled its history (it logs "Backfilled …"): the server
    /// answers requests within seconds of starting, but the back-fill then takes about 25 s at 170 % CPU
    /// for 1,000 servers and would otherwise land in the first measurements.</summary>
    private async Task WaitUntilBackfilledAsync()
    {
        var deadline = DateTime.UtcNow + StartDeadline;
        while (!_backfilled)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                Console.Error.WriteLine("The server did not report its back-fill; measuring anyway.");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        // The step that follows the back-fill.
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartDeadline;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"fleetcast run exited with code {_process.ExitCode}. Output:\n{RecentOutput()}");
            }

            try
            {
                using var response = await http.GetAsync("api/v1/fleet");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting up.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"/api/v1/fleet did not answer 200 within {StartDeadline.TotalSeconds:F0} s. Output:\n{RecentOutput()}");
            }

            await Task.Delay(500);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            if (line.Contains("Backfilled", StringComparison.Ordinal))
            {
                _backfilled = true;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    public string RecentOutput()
    {
        lock (_output)
        {
            var text = _output.ToString();
            return text.Length <= 4000 ? text : text[^4000..];
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed but not reaped in time.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting server; the temp folder is cleaned by the OS.
        }
    }
}
