using FleetCast.Core.Levels;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Snapshots;

namespace FleetCast.Core.Tests.Shared;

/// <summary>Fleet snapshot rows for summary tests.</summary>
internal static class TestRows
{
    public static ServerRow Row(string name, double score, ServerProfile profile = ServerProfile.Generic, bool ready = true, bool stale = false) =>
        new(name, profile, score, RiskLadder.FromScore(score), ready, ready ? 1 : 0.5, stale,
            ForecastBuilder.Origin, "test", [], new Dictionary<string, DisplayMetricValue>());
}
