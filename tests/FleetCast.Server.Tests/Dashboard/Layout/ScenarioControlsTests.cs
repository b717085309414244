using Bunit;
using FleetCast.Core.Scenarios;
using FleetCast.Dashboard.Layout;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Layout;

public sealed class ScenarioControlsTests : DashboardTestContext
{
    private sealed class FakeScenarioControl : IScenarioControl
    {
        public IReadOnlyList<string> Available { get; } = ["healthy", "degrading", "critical", "cascade"];

        public ScenarioStatus Current { get; private set; } = new("healthy", TestSnapshots.DataTime, 0, [], ["healthy", "degrading", "critical", "cascade"]);

        public bool Fail { get; set; }

        public ScenarioStatus Set(string scenario)
        {
            if (Fail)
            {
                throw new ArgumentException("scenario: the simulator is stopping.", nameof(scenario));
            }

            Current = Current with { Scenario = scenario, AffectedServers = ["ppdb001", "ppdb002", "ppweb003"] };
            return Current;
        }
    }

    [Fact]
    public void Render_NoScenarioControl_ShowsNoButtons()
    {
        var cut = Render<ScenarioControls>();

        Assert.Empty(cut.FindAll("[data-scenario]"));
    }

    [Fact]
    public void Click_Critical_ShowsTheServersAnswer()
    {
        Services.AddSingleton<IScenarioControl>(new FakeScenarioControl());
        var cut = Render<ScenarioControls>();

        cut.Find("[data-scenario='critical']").Click();

        cut.WaitForAssertion(() => Assert.Equal("critical: 3 servers affected", cut.Find("[data-scenario-answer]").TextContent));
        Assert.Equal("true", cut.Find("[data-scenario='critical']").GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Click_ControlRejects_ShowsTheError()
    {
        Services.AddSingleton<IScenarioControl>(new FakeScenarioControl { Fail = true });
        var cut = Render<ScenarioControls>();

        cut.Find("[data-scenario='cascade']").Click();

        cut.WaitForAssertion(() => Assert.Contains("the simulator is stopping", cut.Find("[data-scenario-answer]").TextContent));
        Assert.Equal("true", cut.Find("[data-scenario='healthy']").GetAttribute("aria-pressed"));
    }
}
