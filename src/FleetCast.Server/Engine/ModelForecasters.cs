using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Options;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

/// <summary>Builds the engine's <see cref="ForecasterSet"/>: the TFT from <c>Forecast:ModelDir</c> when
/// one is configured and loads, else the configured baseline. With a model directory configured, a
/// reload hook is installed that loads the directory afresh (the set swaps only after a successful
/// load, so a failed reload leaves the running forecaster in place).</summary>
public static class ModelForecasters
{
    public static ForecasterSet Create(ForecastOptions options, IForecaster baseline, IForecaster warmUp, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(options.ModelDir))
        {
            logger.LogInformation("No model directory configured (Forecast:ModelDir); forecasting with the {Baseline} baseline.", baseline.Name);
            return new ForecasterSet(baseline, warmUp);
        }

        var directory = Path.GetFullPath(options.ModelDir);
        IForecaster primary = baseline;
        try
        {
            var tft = Load(directory, options);
            primary = tft;
            logger.LogInformation(
                "Loaded the TFT model from {Directory} ({Parameters} parameters, contract {Contract}, inference threads: {Threads}).",
                directory, tft.Model.ParameterCount, tft.Model.Manifest.ContractVersion, options.Threads);
        }
        catch (ModelLoadException exception)
        {
            logger.LogWarning("Could not load the model in {Directory}: {Reason} Forecasting with the {Baseline} baseline instead.", directory, exception.Message, baseline.Name);
        }

        var set = new ForecasterSet(primary, warmUp);
        if (primary.IsModel)
        {
            set.Swap(primary, directory);
        }

        InstallReloader(set, directory, options, logger);
        return set;
    }

    /// <summary>Makes <see cref="ForecasterSet.ReloadAsync"/> load <paramref name="directory"/> afresh.</summary>
    public static void InstallReloader(ForecasterSet set, string directory, ForecastOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(set);
        set.SetReloader(async cancellationToken =>
        {
            var tft = await Task.Run(() => Load(directory, options), cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Reloaded the TFT model from {Directory}.", directory);
            return tft;
        });
    }

    /// <summary>Loads a model directory for serving: the configured inference threads and step, a horizon that covers Forecast:HorizonSteps.</summary>
    /// <exception cref="ModelLoadException">The directory does not hold a loadable model, or one of another step or a shorter horizon.</exception>
    public static TftForecaster Load(string directory, ForecastOptions options)
    {
        var forecaster = TftForecaster.Load(directory, Math.Max(1, options.Threads), options.StepSeconds);
        if (forecaster.Model.Config.HorizonSteps < options.HorizonSteps)
        {
            forecaster.Dispose();
            throw new ModelLoadException(
                $"The model in '{directory}' forecasts {forecaster.Model.Config.HorizonSteps} steps; Forecast:HorizonSteps is {options.HorizonSteps}.");
        }

        return forecaster;
    }
}
