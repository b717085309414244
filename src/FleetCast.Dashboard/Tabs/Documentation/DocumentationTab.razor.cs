using Microsoft.AspNetCore.Components;

namespace FleetCast.Dashboard.Tabs.Documentation;

public partial class DocumentationTab
{
    private MarkupString? _content;

    // Once rendered (by any session), the await goes on synchronously and the tab renders once.
    protected override async Task OnInitializedAsync() => _content = await Html.GetOrRenderAsync<DocumentationContent>();
}
