namespace FleetCast.Dashboard.Shared;

/// <summary>Sort order of the alerts table. The default puts critical first, soonest first.</summary>
public sealed record AlertSort(AlertSortColumn Column, bool Descending)
{
    public static AlertSort Default { get; } = new(AlertSortColumn.Severity, true);

    /// <summary>Clicking the current column flips the direction; another column starts descending
    /// for severity and ascending otherwise.</summary>
    public AlertSort Toggle(AlertSortColumn column) =>
        column == Column ? this with { Descending = !Descending } : new AlertSort(column, column == AlertSortColumn.Severity);
}
