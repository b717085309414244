using System.Globalization;

namespace FleetCast.Server.Retraining;

/// <summary>A candidate replaces the serving model only when it is no worse on the recent held-out data:
/// its pinball is at most the serving model's on the same points.</summary>
public static class AdoptionRule
{
    public static (bool Adopt, string Reason) Decide(HeldOutScore candidate, HeldOutScore current)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(current);
        var scores = string.Create(CultureInfo.InvariantCulture,
            $"held-out pinball {candidate.PinballMean:0.0000} vs {current.PinballMean:0.0000} of the serving {current.Forecaster} (coverage {candidate.Coverage80:P1} vs {current.Coverage80:P1}, {candidate.Origins} origins × {candidate.Servers} servers)");
        return candidate.PinballMean <= current.PinballMean
            ? (true, $"Adopted: no worse than the serving model, {scores}.")
            : (false, $"Rejected: worse than the serving model, {scores}.");
    }
}
