using FleetCast.Core.Datasets;
using FleetCast.Core.Windows;
using FleetCast.Forecasting.Data;
using FleetCast.Server.Windows;
using FleetCast.Simulator;

namespace FleetCast.Benchmarks;

/// <summary>Full windows of a simulated fleet, as the snapshot engine would capture them.</summary>
internal static class SimulatedWindows
{
    public static IReadOnlyList<ServerWindow> Create(int servers, int windowSteps, int seed = 7)
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed });
        FleetDataset dataset = simulator.Generate(windowSteps);
        var windows = new DatasetWindows(dataset);
        var result = new List<ServerWindow>(servers);
        for (var s = 0; s < dataset.Servers.Count; s++)
        {
            if (windows.ToServerWindow(s, windowSteps - 1, windowSteps) is { } window)
            {
                result.Add(window);
            }
        }

        return result;
    }

    /// <summary>A window store that has taken <paramref name="windowSteps"/> steps of a simulated fleet,
    /// as the engine's store holds them once its windows are full.</summary>
    public static WindowStore FilledStore(int servers, int windowSteps, int seed = 7)
    {
        var simulator = new FleetSimulator(new SimulatorOptions { Servers = servers, Seed = seed });
        var store = new WindowStore(new WindowStoreOptions { WindowSteps = windowSteps });
        for (var step = 0; step < windowSteps; step++)
        {
            store.Apply(simulator.Step());
        }

        return store;
    }
}
