using FleetCast.Core.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Engine;

/// <summary>Warns when a forecaster fails a batch: at most one line a minute per forecaster, saying how many
/// were left out, so a model that fails every step does not flood the log. The exception itself (for a
/// native error, libtorch's frames and file paths) goes to the debug level.</summary>
internal sealed class ForecastFailureLog(ILogger logger, TimeProvider? time = null)
{
    private readonly LogThrottle _throttle = new(time ?? TimeProvider.System, TimeSpan.FromMinutes(1));

    /// <param name="fallback">The forecaster the servers went to instead; null when none (current values only).</param>
    public void Record(string forecaster, int servers, string? fallback, string error, Exception? exception)
    {
        if (!_throttle.ShouldLog(forecaster, out var leftOut))
        {
            return;
        }

        logger.LogWarning(
            "Forecaster {Forecaster} failed on {Servers} servers; {Fallback} this step ({LeftOut} more failures left out since the last message): {Error}",
            forecaster, servers, fallback is null ? "they are scored on current values only" : $"they are forecast by {fallback}", leftOut, error);
        if (exception is not null)
        {
            logger.LogDebug(exception, "Forecaster {Forecaster} failure in full.", forecaster);
        }
    }
}
