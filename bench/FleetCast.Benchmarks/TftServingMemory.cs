using System.Diagnostics;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Windows;
using FleetCast.Simulator;

namespace FleetCast.Benchmarks;

/// <summary>Serves the shipped TFT for many steps, as the engine does (windows advance one simulated
/// step, then one forecast of the fleet), and prints the process's resident memory as it goes, to show
/// whether native memory grows over hours of serving.
/// Run: <c>dotnet run -c Release --project bench/FleetCast.Benchmarks -- --tft-serving-memory 1000 90</c>.</summary>
internal static class TftServingMemory
{
    public const string Flag = "--tft-serving-memory";

    public static void Run(int steps, int servers)
    {
        const int windowSteps = 576;
        var directory = ModelLocator.Find("models/default")
            ?? throw new InvalidOperationException("models/default not found above the current directory; run from the repository.");
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = 11 });
        var windows = new WindowStore(new WindowStoreOptions { WindowSteps = windowSteps });
        for (var step = 0; step < windowSteps; step++)
        {
            windows.Apply(simulator.Step());
        }

        using var tft = new TftForecaster(TftModel.Load(directory), threads: 1, ownsModel: true);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"TFT serving, {servers} servers, {steps} steps; resident memory (MB) every {Math.Max(1, steps / 10)} steps:");
        for (var step = 1; step <= steps; step++)
        {
            windows.Apply(simulator.Step());
            var views = windows.Capture(windows.LatestDataTime!.Value);
            tft.Forecast([.. views.Select(v => v.Window)], 96);
            if (step == 1 || step % Math.Max(1, steps / 10) == 0)
            {
                Console.WriteLine($"step {step,5}: RSS {ResidentMegabytes():0} MB, managed {GC.GetTotalMemory(false) / 1048576.0:0} MB, {clock.Elapsed.TotalSeconds / step * 1000:0} ms/step");
            }
        }
    }

    private static double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
            }
        }

        return double.NaN;
    }
}
