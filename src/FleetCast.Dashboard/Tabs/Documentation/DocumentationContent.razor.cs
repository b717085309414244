
namespace FleetCast.Dashboard.Tabs.Documentation;

public partial class DocumentationContent
{
    private DocumentationModel _model = default!;

    protected override void OnInitialized() => _model = DocumentationModel.From(Thresholds, Scoring, Rules);
}
