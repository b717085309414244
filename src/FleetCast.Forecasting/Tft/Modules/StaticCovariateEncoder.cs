using TorchSharp;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Four GRNs that turn the selected static embedding into the contexts for variable
/// selection, static enrichment, and the LSTM's initial hidden and cell states.</summary>
internal sealed class StaticCovariateEncoder : nn.Module<Tensor, StaticContexts>
{
    private readonly GatedResidualNetwork _variableSelection;
    private readonly GatedResidualNetwork _enrichment;
    private readonly GatedResidualNetwork _stateH;
    private readonly GatedResidualNetwork _stateC;

    public StaticCovariateEncoder(string name, int hiddenSize, double dropout)
        : base(name)
    {
        _variableSelection = new GatedResidualNetwork("variableSelection", hiddenSize, hiddenSize, hiddenSize, dropout);
        _enrichment = new GatedResidualNetwork("enrichment", hiddenSize, hiddenSize, hiddenSize, dropout);
        _stateH = new GatedResidualNetwork("stateH", hiddenSize, hiddenSize, hiddenSize, dropout);
        _stateC = new GatedResidualNetwork("stateC", hiddenSize, hiddenSize, hiddenSize, dropout);
        RegisterComponents();
    }

    /// <summary>static embedding [B, H] → four contexts [B, H].</summary>
    public override StaticContexts forward(Tensor staticEmbedding)
    {
        using var scope = torch.NewDisposeScope();
        return new StaticContexts(
            _variableSelection.forward(staticEmbedding).MoveToOuterDisposeScope(),
            _enrichment.forward(staticEmbedding).MoveToOuterDisposeScope(),
            _stateH.forward(staticEmbedding).MoveToOuterDisposeScope(),
            _stateC.forward(staticEmbedding).MoveToOuterDisposeScope());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _variableSelection.Dispose();
            _enrichment.Dispose();
            _stateH.Dispose();
            _stateC.Dispose();
        }

        base.Dispose(disposing);
    }
}
