namespace FleetCast.Core.Snapshots;

/// <summary>Counts per level and profile, average and maximum risk, top 5/10/20 by risk.</summary>
public static class FleetSummaryBuilder
{
    /// <param name="previousScores">Scores of the previous snapshot by server, for degrading/improving counts; may be empty.</param>
    public static FleetSummary Build(IReadOnlyList<ServerRow> servers, IReadOnlyDictionary<string, double> previousScores) =>
        throw new NotImplementedException("core-logic helper implements this");
}
