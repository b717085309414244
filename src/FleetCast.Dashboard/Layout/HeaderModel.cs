using FleetCast.Core.Levels;
using FleetCast.Core.Snapshots;
using FleetCast.Dashboard.Shared;
using FleetCast.Server.Engine;

namespace FleetCast.Dashboard.Layout;

/// <summary>The header's fleet status: worst level present, warm-up, data time, the forecaster and skipped engine steps.</summary>
public sealed record HeaderModel(
    LevelStyle WorstLevel,
    int WorstLevelCount,
    string FleetHealth,
    int TotalServers,
    int ReadyServers,
    bool WarmingUp,
    double WarmupShare,
    string DataTime,
    string Forecaster,
    bool ForecasterIsModel,
    long Version,
    SkippedStepsIndicator SkippedSteps)
{
    public static HeaderModel From(FleetSnapshot snapshot, SkippedStepCounts skippedSteps = default)
    {
        var summary = snapshot.Summary;
        var worst = LevelStyle.All.FirstOrDefault(l => summary.LevelCounts.GetValueOrDefault(l.WireName) > 0)
            ?? LevelStyle.Of(RiskLevel.Healthy);
        var total = summary.TotalServers;
        return new HeaderModel(
            worst,
            summary.LevelCounts.GetValueOrDefault(worst.WireName),
            snapshot.Environment.FleetHealth,
            total,
            summary.ReadyServers,
            summary.ReadyServers < total,
            total == 0 ? 0 : (double)summary.ReadyServers / total,
            DisplayFormat.DataTime(snapshot.DataTime),
            snapshot.Forecaster,
            snapshot.ForecasterIsModel,
            snapshot.Version,
            SkippedStepsIndicator.From(skippedSteps));
    }
}
