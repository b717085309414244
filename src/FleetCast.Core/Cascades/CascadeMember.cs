using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Cascades;

/// <summary>A server affected by a cascade: when its anomaly began, the largest score it reached in it and its mean
/// score over the last few steps it was live (<see cref="CascadeOptions.OnsetWindowSteps"/>).</summary>
public sealed record CascadeMember(string Server, ServerProfile Profile, DateTimeOffset AnomalousSince, double PeakScore, Metric PeakMetric, double RecentScore);
