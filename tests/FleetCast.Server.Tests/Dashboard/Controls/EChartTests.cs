using System.Text.Json;
using Bunit;
using FleetCast.Dashboard.Controls;
using FleetCast.Server.Tests.Dashboard.Shared;

namespace FleetCast.Server.Tests.Dashboard.Controls;

public sealed class EChartTests : DashboardTestContext
{
    [Fact]
    public void Render_Option_WritesItAsCamelCaseJsonInDataOption()
    {
        var option = new { XAxis = new { Type = "value", Max = 100 }, Series = new object[] { new { Type = "bar", Data = new[] { 1.5, 2 } } } };

        var cut = Render<EChart>(p => p.Add(c => c.Name, "test").Add(c => c.Label, "a chart").Add(c => c.Option, option));

        var json = cut.Find("[data-chart='test']").GetAttribute("data-option");
        Assert.NotNull(json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("value", parsed.RootElement.GetProperty("xAxis").GetProperty("type").GetString());
        Assert.Equal(100, parsed.RootElement.GetProperty("xAxis").GetProperty("max").GetInt32());
        Assert.Equal(2, parsed.RootElement.GetProperty("series")[0].GetProperty("data").GetArrayLength());
    }

    [Fact]
    public void Render_FirstRender_AttachesTheClickCallbackOnce()
    {
        var cut = Render<EChart>(p => p.Add(c => c.Name, "test").Add(c => c.Label, "a chart").Add(c => c.Option, new { series = Array.Empty<object>() }));

        cut.WaitForAssertion(() => Assert.Single(ChartJs.Invocations["init"]));
        cut.Render(p => p.Add(c => c.Option, new { series = new object[] { new { type = "line" } } }));

        Assert.Contains("\"line\"", cut.Find("[data-chart='test']").GetAttribute("data-option"));
        Assert.Single(ChartJs.Invocations["init"]);
    }
}
