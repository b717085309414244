using System.Globalization;

namespace FleetCast.Dashboard.Layout;

/// <summary>The refresh control's state, stored in the browser as "mode:seconds" (e.g. "interval:30").</summary>
public sealed record RefreshSettings(RefreshMode Mode, int IntervalSeconds)
{
    public const string StorageKey = "fleetcast.refresh";

    public static IReadOnlyList<int> IntervalChoices { get; } = [5, 10, 30, 60, 300];

    public static RefreshSettings Default { get; } = new(RefreshMode.Live, 30);

    public string Serialize() => string.Create(CultureInfo.InvariantCulture, $"{Mode.ToString().ToLowerInvariant()}:{IntervalSeconds}");

    /// <summary>Reads a stored value; anything unreadable gives the default.</summary>
    public static RefreshSettings Parse(string? stored)
    {
        var parts = stored?.Split(':');
        if (parts is not { Length: 2 }
            || !Enum.TryParse<RefreshMode>(parts[0], ignoreCase: true, out var mode)
            || !Enum.IsDefined(mode)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !IntervalChoices.Contains(seconds))
        {
            return Default;
        }

        return new RefreshSettings(mode, seconds);
    }

    /// <summary>Whether a newly published snapshot should replace the one on screen.</summary>
    public bool ShouldShow(DateTimeOffset? lastShownAt, DateTimeOffset now) => Mode switch
    {
        RefreshMode.Live => true,
        RefreshMode.Interval => lastShownAt is not { } last || now - last >= TimeSpan.FromSeconds(IntervalSeconds),
        _ => false,
    };
}
