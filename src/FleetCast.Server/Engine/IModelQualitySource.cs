namespace FleetCast.Server.Engine;

/// <summary>Where readers (API, dashboard) get the latest forecast-quality report; computed once per step.</summary>
public interface IModelQualitySource
{
    ModelQualityReport Current { get; }
}
