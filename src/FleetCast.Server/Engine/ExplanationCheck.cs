using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Server.Engine;

/// <summary>What stands between a server and an explanation of its forecast, checked in this order.</summary>
public enum ExplanationBlock
{
    /// <summary>Nothing: the model can explain the server's forecast.</summary>
    None,

    /// <summary>The running forecaster has no internals to explain (a baseline, or a model that is not the TFT).</summary>
    ForecasterCannotExplain,

    /// <summary>No server was named (none has reported yet).</summary>
    NoServer,

    /// <summary>The server is not in the snapshot.</summary>
    UnknownServer,

    /// <summary>The server's forecast came from another forecaster (the warm-up baseline): the model explains only forecasts it made.</summary>
    NotForecastByModel,
}

/// <summary>Can this server's forecast be explained now? The one check the explanation API and the
/// dashboard's Insights tab share; each words its own answer.</summary>
/// <param name="Model">The TFT that explains, when the running forecaster is one.</param>
/// <param name="Detail">The server's detail, when the snapshot has it.</param>
public sealed record ExplanationCheck(ExplanationBlock Block, TftForecaster? Model, ServerDetail? Detail)
{
    public bool CanExplain => Block == ExplanationBlock.None;

    public static ExplanationCheck Of(IForecaster primary, PublishedSnapshot published, string? server)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(published);
        if (primary is not TftForecaster model)
        {
            return new(ExplanationBlock.ForecasterCannotExplain, null, null);
        }

        if (server is null)
        {
            return new(ExplanationBlock.NoServer, model, null);
        }

        if (!published.Details.TryGetValue(server, out var detail))
        {
            return new(ExplanationBlock.UnknownServer, model, null);
        }

        return detail.Forecast?.Forecaster == model.Name
            ? new(ExplanationBlock.None, model, detail)
            : new(ExplanationBlock.NotForecastByModel, model, detail);
    }
}
