using System.Text.RegularExpressions;
using Bunit;
using FleetCast.Core.Levels;
using FleetCast.Dashboard.Layout;
using FleetCast.Dashboard.Pages;
using FleetCast.Dashboard.Tabs;
using FleetCast.Server.Engine;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.AspNetCore.Components.Web;

namespace FleetCast.Server.Tests.Dashboard.Pages;

public sealed class DashboardPageTests : DashboardTestContext
{
    [Fact]
    public void Render_Always_HasOneTabNavWithEveryTabAndOnlyOverviewSelected()
    {
        Source.Publish(TestSnapshots.Create());

        var cut = Render<DashboardPage>();

        var navs = cut.FindAll("nav[aria-label='Tabs']");
        Assert.Single(navs);
        var tabs = cut.FindAll("[role='tab']");
        Assert.Equal(TabCatalog.All.Count, tabs.Count);
        Assert.All(tabs, t => Assert.NotNull(t.Closest("nav[aria-label='Tabs']")));
        Assert.Equal(["tab-overview"], tabs.Where(t => t.GetAttribute("aria-selected") == "true").Select(t => t.Id));
        Assert.Equal(TabCatalog.All.Count - 1, tabs.Count(t => t.GetAttribute("aria-selected") == "false"));
    }

    [Fact]
    public void ClickTab_Alerts_SelectsItAndRendersOnlyItsPanel()
    {
        Source.Publish(TestSnapshots.Create());
        var cut = Render<DashboardPage>();

        cut.Find("#tab-alerts").Click();

        Assert.Equal("true", cut.Find("#tab-alerts").GetAttribute("aria-selected"));
        Assert.Equal("false", cut.Find("#tab-overview").GetAttribute("aria-selected"));
        var panel = Assert.Single(cut.FindAll("[role='tabpanel']"));
        Assert.Equal("alerts", panel.GetAttribute("data-tab"));
        Assert.Equal("true", panel.GetAttribute("data-ready"));
    }

    [Fact]
    public void KeyDown_ArrowRightThenLeftFromFirst_MovesToNeighbourAndWraps()
    {
        Source.Publish(TestSnapshots.Create());
        var cut = Render<DashboardPage>();

        cut.Find("#tab-overview").KeyDown(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal("true", cut.Find("#tab-heatmap").GetAttribute("aria-selected"));
        Assert.Equal("0", cut.Find("#tab-heatmap").GetAttribute("tabindex"));

        cut.Find("#tab-heatmap").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        cut.Find("#tab-overview").KeyDown(new KeyboardEventArgs { Key = "ArrowLeft" });
        Assert.Equal("true", cut.Find("#tab-documentation").GetAttribute("aria-selected"));
        Assert.Equal("documentation", cut.Find("[role='tabpanel']").GetAttribute("data-tab"));
    }

    [Fact]
    public void Render_Prerendered_ShowsOverviewDataAndChartOptionsButIsNotReadyAndSaysConnecting()
    {
        Prerendering = true;
        Source.Publish(TestSnapshots.Create(servers: 14));

        var cut = Render<DashboardPage>();

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal("false", panel.GetAttribute("data-ready"));
        Assert.Equal("14", cut.Find("[data-kpi='servers'] .kpi-value").TextContent);
        Assert.Contains("\"series\"", cut.Find("[data-chart='top-servers']").GetAttribute("data-option"));
        Assert.Contains("connecting", cut.Find("[data-header='connection']").TextContent);
        Assert.Empty(cut.FindAll("#components-reconnect-modal"));
    }

    [Fact]
    public void Render_Interactive_SaysConnectedThroughBlazorsReconnectElement()
    {
        Source.Publish(TestSnapshots.Create(servers: 14));

        var cut = Render<DashboardPage>();

        Assert.Equal("true", cut.Find("[role='tabpanel']").GetAttribute("data-ready"));
        Assert.Contains("connected", cut.Find("#components-reconnect-modal").TextContent);
        Assert.Empty(cut.FindAll("[data-header='connection'] .connecting"));
    }

    [Fact]
    public void Render_NoSnapshotYet_PanelIsNotReadyAndSaysItIsWaiting()
    {
        var cut = Render<DashboardPage>();

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal("false", panel.GetAttribute("data-ready"));
        Assert.Contains("Waiting for the first snapshot", panel.TextContent);
    }

    [Fact]
    public void Publish_LiveMode_ShowsNewSnapshotAfterThrottleInterval()
    {
        Source.Publish(TestSnapshots.Create(servers: 12, version: 1));
        var cut = Render<DashboardPage>();
        Assert.Equal("12", cut.Find("[data-kpi='servers'] .kpi-value").TextContent);

        Source.Publish(TestSnapshots.Create(servers: 20, version: 2));
        Source.Publish(TestSnapshots.Create(servers: 30, version: 3));
        Time.Advance(TimeSpan.FromMilliseconds(150));

        cut.WaitForAssertion(() => Assert.Equal("30", cut.Find("[data-kpi='servers'] .kpi-value").TextContent));
    }

    [Fact]
    public void Publish_LiveMode_RecordsEachShownUpdatesTimeSincePublication()
    {
        var delays = RecordUpdateDelays();
        Source.Publish(TestSnapshots.Create(servers: 12, version: 1));
        var cut = Render<DashboardPage>();

        // Shown at once (no update in the last 100 ms), then one that waits out the throttle's interval.
        Source.Publish(TestSnapshots.Create(servers: 20, version: 2));
        Time.Advance(TimeSpan.FromMilliseconds(30));
        Source.Publish(TestSnapshots.Create(servers: 30, version: 3));
        Time.Advance(TimeSpan.FromMilliseconds(70));

        cut.WaitForAssertion(() => Assert.Equal("30", cut.Find("[data-kpi='servers'] .kpi-value").TextContent));
        lock (delays)
        {
            Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(70)], delays);
        }
    }

    [Fact]
    public void Publish_PausedMode_KeepsShownSnapshotAndOffersLatest()
    {
        var delays = RecordUpdateDelays();
        Source.Publish(TestSnapshots.Create(servers: 12, version: 1));
        var cut = Render<DashboardPage>();
        cut.Find("select[aria-label='Refresh mode']").Change(nameof(RefreshMode.Paused));

        Source.Publish(TestSnapshots.Create(servers: 30, version: 2));
        Time.Advance(TimeSpan.FromMilliseconds(150));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("button.small")));
        Assert.Equal("12", cut.Find("[data-kpi='servers'] .kpi-value").TextContent);
        Assert.Contains(ChartJs.Invocations, i => i.Identifier == "saveSetting" && (string?)i.Arguments[1] == "paused:30");
        lock (delays)
        {
            Assert.Empty(delays);
        }
    }

    [Fact]
    public void Dispose_Component_UnsubscribesFromSource()
    {
        var cut = Render<DashboardPage>();
        Assert.Equal(1, Source.SubscriberCount);

        cut.Instance.Dispose();

        Assert.Equal(0, Source.SubscriberCount);
    }

    [Fact]
    public void Header_BaselineForecaster_ShowsDataTimeAndBaselineLabel()
    {
        Source.Publish(TestSnapshots.Create(forecaster: "holt-winters", forecasterIsModel: false));

        var cut = Render<DashboardPage>();

        Assert.Contains("2026-11-28 14:05:00 UTC", cut.Find("[data-header='data-time']").TextContent);
        var forecaster = cut.Find("[data-header='forecaster']").TextContent;
        Assert.Contains("holt-winters", forecaster);
        Assert.Contains("baseline", forecaster);
        Assert.Contains(RiskLadder.Get(RiskLevel.ImminentFailure).Label, cut.Find("[data-header='fleet-status']").TextContent);
    }

    [Fact]
    public void Header_StepsSkippedInLastHour_ShowsHighlightedCountWithExplanation()
    {
        Source.Publish(WithSkipped(TestSnapshots.Create(), new SkippedStepCounts(Total: 40, LastHour: 12)));

        var cut = Render<DashboardPage>();

        var indicator = cut.Find("[data-header='skipped-steps']");
        Assert.Equal("12 steps skipped (last hour)", indicator.TextContent.Trim());
        Assert.Equal("true", indicator.GetAttribute("data-recent"));
        Assert.Contains("recent", indicator.ClassList);
        Assert.Contains("newest step and skips the ones in between, without catching up", indicator.GetAttribute("title"));
        Assert.Contains("40 since the server started", indicator.GetAttribute("title"));
    }

    [Fact]
    public void Header_OnlyOlderSkips_ShowsTotalSinceStartNotHighlighted()
    {
        Source.Publish(WithSkipped(TestSnapshots.Create(), new SkippedStepCounts(Total: 1, LastHour: 0)));

        var cut = Render<DashboardPage>();

        var indicator = cut.Find("[data-header='skipped-steps']");
        Assert.Contains("1 step skipped since start", indicator.TextContent);
        Assert.Equal("false", indicator.GetAttribute("data-recent"));
        Assert.DoesNotContain("recent", indicator.ClassList);
    }

    [Fact]
    public void Header_NoStepSkipped_ShowsNoIndicator()
    {
        Source.Publish(TestSnapshots.Create());

        var cut = Render<DashboardPage>();

        Assert.Empty(cut.FindAll("[data-header='skipped-steps']"));
    }

    private static PublishedSnapshot WithSkipped(PublishedSnapshot published, SkippedStepCounts skipped) => new()
    {
        Snapshot = published.Snapshot,
        Json = published.Json,
        JsonGzip = published.JsonGzip,
        JsonBrotli = published.JsonBrotli,
        ETag = published.ETag,
        Details = published.Details,
        SkippedSteps = skipped,
    };

    [Theory]
    [InlineData(TabCatalog.Insights)]
    public void PlaceholderTab_Selected_SaysWhatIsMissingWithoutNumbers(string tab)
    {
        Source.Publish(TestSnapshots.Create());
        var cut = Render<DashboardPage>();

        cut.Find($"#tab-{tab}").Click();

        var panel = cut.Find("[role='tabpanel']");
        Assert.Equal(tab, panel.GetAttribute("data-tab"));
        Assert.Equal("true", panel.GetAttribute("data-ready"));
        Assert.NotEmpty(panel.QuerySelector("[data-not-provided]")!.TextContent);
        Assert.DoesNotMatch(new Regex("[0-9]"), panel.TextContent);
    }

    [Fact]
    public void InsightsTab_BaselineForecaster_SaysExplanationsNeedTheModel()
    {
        Source.Publish(TestSnapshots.Create(forecaster: "linear-trend", forecasterIsModel: false));
        var cut = Render<DashboardPage>();

        cut.Find("#tab-insights").Click();

        var text = cut.Find("[data-not-provided]").TextContent;
        Assert.Contains("TFT model", text);
        Assert.Contains("linear-trend", text);
    }

    [Fact]
    public void HeatmapClick_ServerKey_OpensServerTabForThatServer()
    {
        Source.Publish(TestSnapshots.Create());
        var cut = Render<DashboardPage>();
        cut.Find("#tab-heatmap").Click();
        var chart = cut.FindComponent<FleetCast.Dashboard.Controls.EChart>();

        cut.InvokeAsync(() => chart.Instance.OnChartClick("ppweb005"));

        cut.WaitForAssertion(() => Assert.Equal("server", cut.Find("[role='tabpanel']").GetAttribute("data-tab")));
        Assert.Equal("ppweb005", cut.Find("[data-server-name]").GetAttribute("data-server-name"));
    }

    private List<TimeSpan> RecordUpdateDelays()
    {
        var delays = new List<TimeSpan>();
        UpdateDelays.Subscribe(delay =>
        {
            lock (delays)
            {
                delays.Add(delay);
            }
        });
        return delays;
    }
}
