using FleetCast.Core.Levels;

namespace FleetCast.Dashboard.Shared;

/// <summary>The dashboard's colours in one place. Chart builders take them from here; the page's CSS
/// variables (<c>:root</c> in wwwroot/css/fleetcast.css) hold the same values, pinned by a test. Level
/// colours are the risk ladder's (Core), so a level looks the same in every chart, badge and legend.</summary>
public static class Palette
{
    /// <summary>CSS <c>--text</c>.</summary>
    public const string Text = "#111827";

    /// <summary>CSS <c>--muted</c>.</summary>
    public const string Muted = "#4b5563";

    /// <summary>CSS <c>--border</c>.</summary>
    public const string Border = "#d1d5db";

    /// <summary>CSS <c>--surface</c>.</summary>
    public const string Surface = "#f9fafb";

    /// <summary>CSS <c>--background</c>.</summary>
    public const string Background = "#ffffff";

    /// <summary>CSS <c>--link</c>.</summary>
    public const string Link = "#1d4ed8";

    /// <summary>CSS <c>--accent</c>; in charts what was measured (history, "now") and the attention line.</summary>
    public const string Primary = "#2563eb";

    /// <summary>Light <see cref="Primary"/>, for a second metric beside the first.</summary>
    public const string PrimaryLight = "#93c5fd";

    /// <summary>What the model says: the p50 forecast, "predicted" bars, feature weights.</summary>
    public const string Secondary = "#7c3aed";

    /// <summary>Light <see cref="Secondary"/>, for a second metric beside the first.</summary>
    public const string SecondaryLight = "#c4b5fd";

    /// <summary>The p10–p90 forecast band's fill and its legend swatch.</summary>
    public const string SecondaryBand = "rgba(124, 58, 237, 0.18)";

    public const string SecondaryBandEdge = "rgba(124, 58, 237, 0.5)";

    /// <summary>Axis labels.</summary>
    public const string Axis = "#6b7280";

    /// <summary>No value (heatmap cells, unknown drift status).</summary>
    public const string NoData = "#9ca3af";

    /// <summary>CSS <c>--danger</c>: error and critical text.</summary>
    public const string Danger = "#b91c1c";

    /// <summary>CSS <c>--caution</c>: warning text.</summary>
    public const string Caution = "#b45309";

    /// <summary>CSS <c>--ok</c>: "all well" text.</summary>
    public const string Ok = "#15803d";

    /// <summary>CSS <c>--rule</c>: light separators between table rows.</summary>
    public const string Rule = "#e5e7eb";

    /// <summary>CSS <c>--notice-text</c>, <c>--notice-background</c>, <c>--notice-border</c>: a banner that asks for attention.</summary>
    public const string NoticeText = "#92400e";

    public const string NoticeBackground = "#fef3c7";

    public const string NoticeBorder = "#f59e0b";

    /// <summary>CSS <c>--heat-1</c> … <c>--heat-4</c>: heatmap cells from calm to hot, in the colours of the
    /// healthy, watch, warning and critical levels (<c>--heat-0</c> is <see cref="NoData"/>).</summary>
    public static IReadOnlyList<string> Heat { get; } =
        [Level(RiskLevel.Healthy), Level(RiskLevel.Watch), Level(RiskLevel.Warning), Level(RiskLevel.Critical)];

    /// <summary>One colour per series where series are peers (forecasters on the Drift tab).</summary>
    public static IReadOnlyList<string> Series { get; } = ["#2563eb", "#9333ea", "#0d9488", "#ea580c"];

    /// <summary>The risk ladder's colour of <paramref name="level"/>.</summary>
    public static string Level(RiskLevel level) => RiskLadder.Get(level).Color;

    /// <summary>The page's CSS variables, as fleetcast.css declares them.</summary>
    public static IReadOnlyDictionary<string, string> CssVariables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--text"] = Text,
        ["--muted"] = Muted,
        ["--border"] = Border,
        ["--surface"] = Surface,
        ["--background"] = Background,
        ["--accent"] = Primary,
        ["--link"] = Link,
        ["--danger"] = Danger,
        ["--caution"] = Caution,
        ["--ok"] = Ok,
        ["--rule"] = Rule,
        ["--notice-text"] = NoticeText,
        ["--notice-background"] = NoticeBackground,
        ["--notice-border"] = NoticeBorder,
        ["--heat-0"] = NoData,
        ["--heat-1"] = Heat[0],
        ["--heat-2"] = Heat[1],
        ["--heat-3"] = Heat[2],
        ["--heat-4"] = Heat[3],
    };
}
