namespace FleetCast.Core.Cascades;

/// <summary>How wide a cascade got: by the most servers anomalous in it at once
/// (<see cref="CascadeOptions.MediumServers"/>, <see cref="CascadeOptions.HighServers"/>).</summary>
public enum CascadeSeverity
{
    Low,
    Medium,
    High,
}
