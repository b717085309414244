namespace FleetCast.Core.Assessment;

/// <summary>What always holds between a server's level and its alerts after each step (the dashboard's
/// Documentation tab and docs/architecture.md print this list; FleetAssessorTests check it).</summary>
public static class AssessmentInvariants
{
    public static IReadOnlyList<string> All { get; } =
    [
        "A server's level is the ladder's level of its score; the score's factors add up to it.",
        "A value at or beyond its critical threshold now puts the server at Critical or above; at or beyond its warning threshold, at Warning or above, with or without an alert.",
        "A firing alert puts its server at least at the level that the severity and likelihood of each metric it lists map to (table below): a server with a firing alert is never Healthy.",
        "At most one alert fires per server (an incident listing every metric found): it escalates from warning to critical at once, and de-escalates after as many evaluations without a critical finding as a resolution takes, within one lifecycle; it resolves after as many evaluations that find no metric of the server.",
        "A server still filling its look-back (warm-up) raises no alert, and no alert fires or resolves on history being back-filled.",
    ];
}
