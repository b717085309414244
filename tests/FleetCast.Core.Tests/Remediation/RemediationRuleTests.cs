using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;

namespace FleetCast.Core.Tests.Remediation;

public sealed class RemediationRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static RemediationTrigger Trigger(string profile = "database", string metric = "mem_used_pct", AlertSeverity level = AlertSeverity.Critical) =>
        new("ppdb001", profile, metric, level, 97.456, T0);

    [Fact]
    public void Matches_FiltersByProfileMetricAndMinimumLevel()
    {
        var rule = new RemediationRule("restart", new HashSet<string> { "database" }, new HashSet<string> { "mem_used_pct" }, AlertSeverity.Critical, RemediationMode.Approval);

        Assert.True(rule.Matches(Trigger()));
        Assert.False(rule.Matches(Trigger(profile: "web_api")));
        Assert.False(rule.Matches(Trigger(metric: "cpu_user_pct")));
        Assert.False(rule.Matches(Trigger(level: AlertSeverity.Warning)));
    }

    [Fact]
    public void Matches_EmptyFilters_TakeEveryProfileAndMetric()
    {
        var rule = new RemediationRule("any", new HashSet<string>(), new HashSet<string>(), AlertSeverity.Warning, RemediationMode.DryRun);

        Assert.True(rule.Matches(Trigger(profile: "web_api", metric: "cpu_user_pct", level: AlertSeverity.Warning)));
    }

    [Fact]
    public void Expand_ReplacesTheFiveVariablesAndLeavesOthers()
    {
        var text = RemediationTemplate.Expand("{server}|{profile}|{metric}|{level}|{value}|{other}", Trigger());

        Assert.Equal("ppdb001|database|mem_used_pct|critical|97.46|{other}", text);
        Assert.Equal(["other"], RemediationTemplate.UnknownVariables("{server} {other}"));
    }

    [Fact]
    public void Expand_WithEncoder_EncodesOnlyTheSubstitutedValues()
    {
        var trigger = Trigger() with { Server = "a b/c" };

        var url = RemediationTemplate.Expand("http://h/x?s={server}&k=a b", trigger, Uri.EscapeDataString);

        Assert.Equal("http://h/x?s=a%20b%2Fc&k=a b", url);
    }

    [Fact]
    public void Throttle_CooldownThenRateLimit()
    {
        var throttle = new RemediationThrottle(TimeSpan.FromMinutes(30), MaxPerHour: 2);

        Assert.Contains("cool-down", throttle.Refusal(T0, T0.AddMinutes(-10), 0));
        Assert.Null(throttle.Refusal(T0, T0.AddMinutes(-30), 1));
        Assert.Contains("rate limit", throttle.Refusal(T0, null, 2));
    }
}
