namespace FleetCast.E2E;

/// <summary>Debian's Chromium, which Playwright drives (Playwright's own browser download is never used).</summary>
internal static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Flags for a quiet headless run in a container.</summary>
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    /// <summary>FLEETCAST_CHROMIUM when set, else /usr/bin/chromium; a clear error when neither exists.</summary>
    public static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("FLEETCAST_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Chromium not found at {path}. The browser tests need Debian's chromium: run scripts/setup.sh " +
                "(or `apt-get install -y chromium`), or point FLEETCAST_CHROMIUM at a Chromium binary.");
        }

        return path;
    }
}
