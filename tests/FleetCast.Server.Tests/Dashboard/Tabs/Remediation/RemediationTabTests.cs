using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Core.Remediation;
using FleetCast.Dashboard.Tabs.Remediation;
using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using FleetCast.Server.Tests.Dashboard.Shared;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Remediation;

public sealed class RemediationTabTests : DashboardTestContext
{
    private readonly TempDatabase _temp = new();
    private readonly HttpClient _client = new();

    [Fact]
    public void Render_NoRules_SaysNothingRunsAndShowsHowToConfigure()
    {
        Use(new RemediationOptions());

        var cut = Render<RemediationTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready")));

        Assert.Contains("nothing is ever run", cut.Find("[data-remediation-empty]").TextContent);
        Assert.Contains("FLEETCAST__REMEDIATION__RULES__0__MODE=approval", cut.Find("[data-remediation-example]").TextContent);
    }

    [Fact]
    public async Task Reject_PendingAction_IsRecordedWithTheNameAndLeavesThePendingList()
    {
        var service = Use(new RemediationOptions
        {
            Rules = [new RemediationRuleOptions { Name = "db", Mode = "approval", WebhookUrl = "https://hooks.example/run/{server}?token=url-s3cret", BearerToken = "t0ken-s3cret" }],
        });
        var pending = Assert.Single(await service.HandleAsync([new RemediationTrigger("ppdb001", "database", "mem_used_pct", AlertSeverity.Critical, 98, TestSnapshots.DataTime)]));

        var cut = Render<RemediationTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create()));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-table='remediation-pending'] tbody tr")));
        Assert.DoesNotContain("s3cret", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("approval", cut.Find("[data-rule='db']").GetAttribute("data-mode"));
        cut.Find("[data-field='who']").Change("dana");
        cut.Find($"[data-reject='{pending.Id}']").Click();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-pending-empty]")));
        var row = cut.Find($"[data-table='remediation-audit'] tr[data-action='{pending.Id}']");
        Assert.Equal("rejected", row.GetAttribute("data-status"));
        Assert.Contains("dana via dashboard session", row.TextContent);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _client.Dispose();
            _temp.Dispose();
        }
    }

    private RemediationService Use(RemediationOptions options)
    {
        var service = new RemediationService(new RemediationActionStore(_temp.Database), new RemediationExecutor(_client, options), options, TimeProvider.System,
            NullLogger<RemediationService>.Instance);
        Services.AddSingleton(service);
        return service;
    }
}
