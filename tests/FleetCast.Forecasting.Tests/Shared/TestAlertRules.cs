using FleetCast.Core.Alerts;

namespace FleetCast.Forecasting.Tests.Shared;

/// <summary>Alert rule options for tests of the alert mechanics: the shipped operating point except that an
/// alert fires on its first sighting (the shipped point waits for three), so a test's step that finds an
/// alert sees it fire.</summary>
internal static class TestAlertRules
{
    public static AlertRuleOptions FireAtOnce { get; } = AlertRuleOptions.Default with { FireAfterEvaluations = 1 };
}
