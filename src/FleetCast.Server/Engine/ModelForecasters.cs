using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;
using FleetCast.Server.Hosting;
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
        set.SetReloader(cancellationToken => Task.Run<IForecaster>(
            () =>
            {
                var tft = Load(directory, options);
                logger.LogInformation("Reloaded the TFT model from {Directory}.", directory);
                return tft;
            },
            cancellationToken));
        return set;
    }

    private static TftForecaster Load(string directory, ForecastOptions options)
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
