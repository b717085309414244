using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>The four static context vectors of a TFT, each [B, H].</summary>
internal sealed record StaticContexts(Tensor VariableSelection, Tensor Enrichment, Tensor StateH, Tensor StateC) : IDisposable
{
    public void Dispose()
    {
        VariableSelection.Dispose();
        Enrichment.Dispose();
        StateH.Dispose();
        StateC.Dispose();
    }
}
