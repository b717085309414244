namespace FleetCast.Core.Costs;

/// <summary>A count per alert severity.</summary>
public sealed record SeverityCounts(int Warning, int Critical)
{
    public int Total => Warning + Critical;
}
