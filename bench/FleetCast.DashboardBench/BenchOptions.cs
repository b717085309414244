using System.Globalization;

namespace FleetCast.DashboardBench;

/// <summary>Command-line options; bad input throws an <see cref="ArgumentException"/> naming the option.</summary>
internal sealed record BenchOptions(
    int Servers,
    int Runs,
    IReadOnlyList<int> Pages,
    int Steps,
    decimal Speed,
    decimal BrowserSpeed,
    string? Out,
    string Chromium,
    bool SkipBrowser,
    int SoakMinutes = 0,
    int Ingested = 1000)
{
    public const string Usage = """
        FleetCast dashboard browser benchmark (see docs/performance.md).
        Options:
          --servers N       simulated servers (default 1000)
          --runs N          cold and warm first loads and rounds of tab switches (default 5)
          --pages A,B,C     also open that many concurrent dashboard pages, e.g. 25,50,100 (default: none)
          --steps N         engine steps measured per load level and for snapshot-to-display (default 10)
          --speed X         simulated steps per real second for snapshot-to-display and the sessions
                            (default 0.5: one step every 2 s)
          --browser-speed X step rate while first loads and tab switches are timed (default 0.02: one
                            step every 50 s; a real fleet steps every 5 min, so a step rarely coincides
                            with a click)
          --skip-browser    skip first loads and tab switches (snapshot-to-display and --pages only)
          --chromium PATH   Chromium binary (default FLEETCAST_CHROMIUM or /usr/bin/chromium)
          --out FILE        also write the Markdown report to FILE
          --soak MINUTES    instead of the above: a long run with --servers simulated servers, --ingested
                            more sent over HTTP and concurrent API readers, recording resident memory
                            and the live heap once a minute (no browser needed)
          --ingested N      servers ingested over HTTP during --soak (default 1000)
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var servers = 1000;
        var runs = 5;
        IReadOnlyList<int> pages = [];
        var steps = 10;
        var speed = 0.5m;
        var browserSpeed = 0.02m;
        string? output = null;
        var chromium = Environment.GetEnvironmentVariable("FLEETCAST_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        var skipBrowser = false;
        var soakMinutes = 0;
        var ingested = 1000;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--servers": servers = PositiveInt(name, Value()); break;
                case "--runs": runs = PositiveInt(name, Value()); break;
                case "--pages": pages = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => PositiveInt(name, p)).Order().Distinct().ToArray(); break;
                case "--steps": steps = PositiveInt(name, Value()); break;
                case "--speed": speed = PositiveDecimal(name, Value()); break;
                case "--browser-speed": browserSpeed = PositiveDecimal(name, Value()); break;
                case "--out": output = Value(); break;
                case "--chromium": chromium = Value(); break;
                case "--skip-browser": skipBrowser = true; break;
                case "--soak": soakMinutes = PositiveInt(name, Value()); break;
                case "--ingested": ingested = PositiveInt(name, Value()); break;
                default: throw new ArgumentException($"Unknown option '{name}'.\n{Usage}");
            }
        }

        if (soakMinutes == 0 && !File.Exists(chromium))
        {
            throw new ArgumentException($"--chromium: no Chromium at {chromium} (apt-get install -y chromium, or set FLEETCAST_CHROMIUM).");
        }

        return new BenchOptions(servers, runs, pages, steps, speed, browserSpeed, output, chromium, skipBrowser, soakMinutes, ingested);
    }

    private static decimal PositiveDecimal(string name, string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive decimal, got '{text}'.");

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, got '{text}'.");
}
