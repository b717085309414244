using FleetCast.Server.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;

namespace FleetCast.Dashboard;

public partial class App
{
    // Prerendered: the first response already holds the Overview with its chart options, which the chart
    // module draws while the circuit starts (DESIGN.md section 9: first chart < 1 s cold). Tab panels say
    // data-ready="true" only once the page is interactive (TabPanel), so tests and tools still wait for that.
    private readonly IComponentRenderMode _renderMode = new InteractiveServerRenderMode(prerender: true);

    private const string BlazorScript = "_framework/blazor.web.js";
    private const string StartScript = "js/fleetcast-start.js";

    private ImportMapDefinition? _importMap;

    /// <summary>Set while the page is rendered on the server (App is never rendered interactively).</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    protected override void OnInitialized()
    {
        if (HttpContext is null)
        {
            return;
        }

        // The same definition <ImportMap> would find itself, passed to it explicitly so the hash below is of
        // the very text it writes into the page.
        _importMap = HttpContext.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>();
        SecurityHeaders.UsePagePolicy(HttpContext, _importMap is null ? [] : [ContentSecurityPolicy.HashOf(_importMap.ToString())]);
    }

    private string? IntegrityOf(string path)
    {
        var url = Assets[path];
        return Assets.FirstOrDefault(asset => asset.Url == url)?.Properties?.FirstOrDefault(p => p.Name == "integrity")?.Value;
    }
}
