using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FleetCast.Server.Tests.Shared;

/// <summary>A real program from a Debian package (scripts/setup.sh installs it) listening on 127.0.0.1,
/// started by a test and killed on dispose.</summary>
public sealed class LoopbackProgram : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Process _process;

    private LoopbackProgram(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>Starts <paramref name="path"/> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<LoopbackProgram> StartAsync(string path, string package, int port, string readyPath, params string[] arguments)
    {
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/setup.sh, which installs the Debian package {package}.");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var program = new LoopbackProgram(process, new Uri($"http://127.0.0.1:{port}/"));
        var ready = new Uri(program.BaseUrl, readyPath);
        if (!await Eventually.TrueAsync(() => !process.HasExited && Answers(ready), TimeSpan.FromSeconds(30)))
        {
            var exited = process.HasExited;
            await program.DisposeAsync();
            Assert.Fail($"{path} did not answer on {ready} (exited: {exited}).");
        }

        return program;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static bool Answers(Uri url)
    {
        try
        {
            using var response = Probe.GetAsync(url).GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
