using System.Globalization;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Layout;

/// <summary>The header's note about data steps the engine skipped: hidden while none was ever skipped,
/// highlighted while some were skipped in the last hour.</summary>
public sealed record SkippedStepsIndicator(bool Visible, bool Highlighted, string Text, string Tooltip)
{
    public static SkippedStepsIndicator Hidden { get; } = new(false, false, string.Empty, string.Empty);

    public static SkippedStepsIndicator From(SkippedStepCounts counts)
    {
        if (counts.Total <= 0)
        {
            return Hidden;
        }

        var text = counts.LastHour > 0
            ? $"{Steps(counts.LastHour)} skipped (last hour)"
            : $"{Steps(counts.Total)} skipped since start";
        var tooltip = string.Create(CultureInfo.InvariantCulture,
            $"Data arrived faster than the engine computes: it computes the newest step and skips the ones in between, without catching up, so no snapshot (scores, alerts) was published for those steps. {counts.LastHour} skipped in the last hour of wall-clock time, {counts.Total} since the server started.");
        return new SkippedStepsIndicator(true, counts.LastHour > 0, text, tooltip);
    }

    private static string Steps(long count) => string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "step" : "steps")}");
}
