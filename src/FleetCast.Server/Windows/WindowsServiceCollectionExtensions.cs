using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Windows;

public static class WindowsServiceCollectionExtensions
{
    /// <summary>The in-memory windows of every server, rebuilt from the stored samples at start.</summary>
    public static IServiceCollection AddFleetCastWindows(this IServiceCollection services, FleetCastOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton<IWindowStore>(sp => new WindowStore(new WindowStoreOptions
        {
            StepSeconds = options.Forecast.StepSeconds,
            WindowSteps = options.Forecast.WindowSteps,
            LookbackSteps = options.Forecast.LookbackSteps,
        }, sampleStore: sp.GetRequiredService<ISampleStore>()));
        return services;
    }
}
