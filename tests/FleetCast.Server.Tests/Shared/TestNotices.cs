using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Server.Alerting;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Notices for the receiver tests: data times at <see cref="Samples.Origin"/>, while the wall clock
/// (<see cref="WallNow"/>) is months behind, as in the accelerated demo.</summary>
public static class TestNotices
{
    public static readonly DateTimeOffset WallNow = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public static AlertNotice Fired(ActiveAlert alert, ServerProfile? profile = ServerProfile.Database, DateTimeOffset? firstSentAt = null) =>
        AlertNotice.From(TestAlerts.Fired(alert), profile, firstSentAt ?? WallNow);

    public static AlertNotice Resolved(ActiveAlert alert, TimeSpan after, ServerProfile? profile = ServerProfile.Database, DateTimeOffset? firstSentAt = null) =>
        AlertNotice.From(TestAlerts.Resolved(alert, after), profile, firstSentAt ?? WallNow);
}
