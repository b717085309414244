using FleetCast.DashboardBench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var root = RepositoryRoot();
var stepTimeout = TimeSpan.FromSeconds(Math.Max(30, (double)(5 / options.Speed)));
var commandLine = "bench/dashboard/run.sh " + string.Join(' ', args);
if (options.SoakMinutes > 0)
{
    var soak = await SoakBench.RunAsync(root, options, commandLine);
    Console.WriteLine(soak);
    if (options.Out is { } soakOutput)
    {
        await File.WriteAllTextAsync(soakOutput, soak);
    }

    return 0;
}

var report = new MarkdownReport(options, commandLine);

try
{
    if (!options.SkipBrowser)
    {
        // First loads and tab switches against a server that steps rarely (--browser-speed).
        Console.Error.WriteLine($"Starting fleetcast run --servers {options.Servers} --speed {options.BrowserSpeed} …");
        await using var quiet = await ServerProcess.StartAsync(root, options.Servers, options.BrowserSpeed);
        await using var browser = await BenchBrowser.LaunchAsync(options.Chromium, quiet.BaseAddress);
        Console.Error.WriteLine($"Warming the server up ({ServerWarmUp.Rounds} untimed rounds through every tab) …");
        await ServerWarmUp.RunAsync(browser);
        Console.Error.WriteLine("First loads …");
        var (cold, warm) = await FirstLoadBench.RunAsync(browser, options.Runs);
        report.FirstLoad(cold, warm);
        Console.Error.WriteLine("Tab switches …");
        report.TabSwitches(await TabSwitchBench.RunAsync(browser, options.Runs, quiet.Pid));
    }

    // Snapshot-to-display and sessions against a server that steps at --speed.
    Console.Error.WriteLine($"Starting fleetcast run --servers {options.Servers} --speed {options.Speed} …");
    await using var server = await ServerProcess.StartAsync(root, options.Servers, options.Speed);
    await using var clock = new SnapshotClock(server.BaseAddress);
    await using var stepping = await BenchBrowser.LaunchAsync(options.Chromium, server.BaseAddress, lowerPriority: true);
    try
    {
        Console.Error.WriteLine("Snapshot to display …");
        report.DisplayDelay(await DisplayDelayBench.RunAsync(stepping, clock, options.Steps, stepTimeout));
        if (options.Pages.Count > 0)
        {
            Console.Error.WriteLine("Concurrent sessions …");
            report.Sessions(await SessionLoadBench.RunAsync(stepping, server, clock, options.Pages, options.Steps, stepTimeout), options.Steps, SessionLoadBench.StoppedAt);
        }
    }
    catch (Exception e) when (e is TimeoutException or Microsoft.Playwright.PlaywrightException)
    {
        Console.Error.WriteLine($"Server output:\n{server.RecentOutput()}");
        throw;
    }
}
catch (Exception e) when (e is TimeoutException or Microsoft.Playwright.PlaywrightException)
{
    Console.Error.WriteLine($"Benchmark failed: {e.Message}");
    return 1;
}

var markdown = report.ToString();
Console.WriteLine(markdown);
if (options.Out is { } output)
{
    if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder)
    {
        Directory.CreateDirectory(folder);
    }

    await File.WriteAllTextAsync(output, markdown);
    Console.Error.WriteLine($"Written to {output}");
}

return 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "FleetCast.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the benchmark from inside the repository (FleetCast.sln not found above the current folder).");
}
