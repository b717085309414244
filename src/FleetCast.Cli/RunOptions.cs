using System.CommandLine;

namespace FleetCast.Cli;

/// <summary>The options of <c>fleetcast run</c>, with their defaults and help text.</summary>
public sealed class RunOptions
{
    public Option<int> Port { get; } = new("--port") { Description = "HTTP port for the dashboard and API (0 picks a free port).", DefaultValueFactory = _ => 8000 };

    public Option<string> Bind { get; } = new("--bind") { Description = "Address to listen on: 127.0.0.1 (this machine only), 0.0.0.0 or * (all interfaces), or an IP.", DefaultValueFactory = _ => "127.0.0.1" };

    public Option<string> DataDir { get; } = new("--data-dir") { Description = "Directory for the SQLite database (samples, alerts, history); created if missing.", DefaultValueFactory = _ => "./data" };

    public Option<int> Servers { get; } = new("--servers") { Description = "Number of simulated servers.", DefaultValueFactory = _ => 90 };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of the simulated fleet (same seed, same fleet).", DefaultValueFactory = _ => 42 };

    public Option<decimal> Speed { get; } = new("--speed") { Description = "Simulated 5-minute steps per real second (a decimal, e.g. 0.5); 0 = real time.", DefaultValueFactory = _ => 1m };

    public Option<bool> NoSimulator { get; } = new("--no-simulator") { Description = "Do not run the built-in simulator; wait for real agents to POST /api/v1/ingest." };

    public Option<FileInfo?> ApiKeyFile { get; } = new("--api-key-file") { Description = "File with API keys, one per line (see `fleetcast keygen`); every route except health/status then needs a key." };

    public Option<int> BackfillSteps { get; } = new("--backfill-steps") { Description = "Steps of simulated history stored on first start (empty data directory): two days by default, so windows start full and the holt-winters baseline (which needs two days) serves at once.", DefaultValueFactory = _ => 576 };

    public Option<DirectoryInfo?> Model { get; } = new("--model") { Description = "Directory of a trained TFT model (default: the shipped models/default, found from the current directory upwards or beside the program); without any model the server forecasts with the holt-winters baseline and says so." };

    public Option<bool> OpenBrowser { get; } = new("--open-browser") { Description = "Open the dashboard in the default browser once the server listens." };

    public Option<string[]> Scrape { get; } = new("--scrape")
    {
        Description = "A node_exporter endpoint to scrape, as URL or NAME=URL (repeatable); host:port means http://host:port/metrics, and the server name is host:port unless NAME is given.",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Prometheus { get; } = new("--prometheus") { Description = "Base URL of a Prometheus server to query for node_exporter series (needs --prometheus-selector); one server per instance label." };

    public Option<string?> PrometheusSelector { get; } = new("--prometheus-selector") { Description = "Label matchers picking the node_exporter targets in that Prometheus, e.g. 'job=\"node\"'." };

    public IEnumerable<Option> All => [Port, Bind, DataDir, Servers, Seed, Speed, NoSimulator, ApiKeyFile, BackfillSteps, Model, OpenBrowser, Scrape, Prometheus, PrometheusSelector];
}
