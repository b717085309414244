using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FleetCast.E2E;

/// <summary>A `fleetcast run` process with the in-process simulator, started exactly as DESIGN.md
/// section 7 says (from the repository root, Release build, --no-build), on a free loopback port with
/// its own temporary data directory. Its output goes to artifacts/e2e/server.log. Disposing kills the
/// whole process tree and deletes the data.</summary>
internal sealed class FleetCastServer : IAsyncDisposable
{
    public const int Servers = 90;
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter _log;
    private readonly string _dataDir;
    private readonly string? _apiKey;

    private FleetCastServer(Process process, string dataDir, Uri baseAddress, string? apiKey, string logName)
    {
        _process = process;
        _dataDir = dataDir;
        _apiKey = apiKey;
        _log = new(Path.Combine(Artifacts.Folder, logName), append: false) { AutoFlush = true };
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the server wrote, for failure messages.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_output)
            {
                var text = _output.ToString();
                return text.Length <= 4000 ? text : text[^4000..];
            }
        }
    }

    /// <param name="apiKey">When given, the server requires it (--api-key-file in its data directory).</param>
    public static async Task<FleetCastServer> StartAsync(string? apiKey = null, int servers = Servers, string logName = "server.log")
    {
        var root = RepositoryRoot.Find();
        var cliDll = Path.Combine(root, "src", "FleetCast.Cli", "bin", "Release", "net10.0", "fleetcast.dll");
        if (!File.Exists(cliDll))
        {
            throw new InvalidOperationException(
                $"The Release build of the CLI is missing ({cliDll}). Build it first: `dotnet build src/FleetCast.Cli -c Release` " +
                "(scripts/test.sh builds the solution in Release before running the tests).");
        }

        var port = FreeLoopbackPort();
        var dataDir = Path.Combine(Path.GetTempPath(), "fleetcast-e2e-" + Guid.NewGuid().ToString("N"));
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
            "run", "--project", "src/FleetCast.Cli", "-c", "Release", "--no-build", "--",
            "run", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--data-dir", dataDir, "--servers", servers.ToString(System.Globalization.CultureInfo.InvariantCulture), "--speed", "5",
        })
        {
            info.ArgumentList.Add(arg);
        }

        if (apiKey is not null)
        {
            var keyFile = Path.Combine(dataDir, "keys");
            await File.WriteAllTextAsync(keyFile, apiKey + "\n");
            info.ArgumentList.Add("--api-key-file");
            info.ArgumentList.Add(keyFile);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("`dotnet run` did not start.");
        var server = new FleetCastServer(process, dataDir, new Uri($"http://127.0.0.1:{port}/"), apiKey, logName);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        if (_apiKey is not null)
        {
            http.DefaultRequestHeaders.Add("X-API-Key", _apiKey);
        }
        var deadline = DateTime.UtcNow + StartDeadline;
        foreach (var path in new[] { "healthz", "api/v1/fleet" })
        {
            HttpStatusCode? last = null;
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"fleetcast run exited with code {_process.ExitCode} before /{path} answered. Output:\n{RecentOutput}");
                }

                try
                {
                    using var response = await http.GetAsync(path);
                    last = response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
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
                    throw new TimeoutException($"/{path} did not answer 200 within {StartDeadline.TotalSeconds:F0} s (last status: {last?.ToString() ?? "no answer"}). Output:\n{RecentOutput}");
                }

                await Task.Delay(250);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            _log.WriteLine(line);
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
                // Killed but not reaped in time; the OS finishes it.
            }
        }

        _process.Dispose();
        lock (_output)
        {
            _log.Dispose();
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the exiting server; the temp folder is cleaned by the OS.
        }
    }
}
