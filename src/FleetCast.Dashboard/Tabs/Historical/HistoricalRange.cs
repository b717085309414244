namespace FleetCast.Dashboard.Tabs.Historical;

/// <summary>A time range the Historical tab offers, ending at the data time on screen.</summary>
public sealed record HistoricalRange(string Id, string Label, TimeSpan Span)
{
    public static IReadOnlyList<HistoricalRange> All { get; } =
    [
        new("30m", "30 min", TimeSpan.FromMinutes(30)),
        new("2h", "2 h", TimeSpan.FromHours(2)),
        new("8h", "8 h", TimeSpan.FromHours(8)),
        new("1d", "1 day", TimeSpan.FromDays(1)),
        new("7d", "7 days", TimeSpan.FromDays(7)),
        new("30d", "30 days", TimeSpan.FromDays(30)),
    ];

    public static HistoricalRange Default => All[2];

    public static HistoricalRange? Find(string? id) => All.FirstOrDefault(r => r.Id == id);
}
