using FleetCast.Core.Alerts;

namespace FleetCast.Server.Engine;

/// <summary>Live outcomes of predictive alerts, updated once per engine step; readers only read.</summary>
public interface IAlertOutcomeSource
{
    /// <summary>Counts and precision per severity (warning, critical); empty counts before the first step.</summary>
    IReadOnlyList<AlertOutcomeCounts> AlertOutcomes { get; }
}
