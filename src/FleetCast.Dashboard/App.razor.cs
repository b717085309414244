using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FleetCast.Dashboard;

public partial class App
{
    // Prerendered: the first response already holds the Overview with its chart options, which the chart
    // module draws while the circuit starts (DESIGN.md section 9: first chart < 1 s cold). Tab panels say
    // data-ready="true" only once the page is interactive (TabPanel), so tests and tools still wait for that.
    private readonly IComponentRenderMode _renderMode = new InteractiveServerRenderMode(prerender: true);

    private const string BlazorScript = "_framework/blazor.web.js";

    private string? IntegrityOf(string path)
    {
        var url = Assets[path];
        return Assets.FirstOrDefault(asset => asset.Url == url)?.Properties?.FirstOrDefault(p => p.Name == "integrity")?.Value;
    }
}
