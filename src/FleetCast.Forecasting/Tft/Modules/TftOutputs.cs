using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Everything one forward pass produces.</summary>
/// <param name="Quantiles">[B, T, 14, Q] normalised quantile forecasts, ordered along Q.</param>
/// <param name="StaticWeights">[B, 2] static variable selection weights.</param>
/// <param name="EncoderWeights">[B, L, 32] encoder variable selection weights.</param>
/// <param name="DecoderWeights">[B, T, 18] decoder variable selection weights.</param>
/// <param name="Attention">[B, T, L + T] interpretable attention (mean over heads) of each horizon step over all positions.</param>
internal sealed record TftOutputs(Tensor Quantiles, Tensor StaticWeights, Tensor EncoderWeights, Tensor DecoderWeights, Tensor Attention) : IDisposable
{
    public TftOutputs MoveToOuterDisposeScope() => new(
        Quantiles.MoveToOuterDisposeScope(),
        StaticWeights.MoveToOuterDisposeScope(),
        EncoderWeights.MoveToOuterDisposeScope(),
        DecoderWeights.MoveToOuterDisposeScope(),
        Attention.MoveToOuterDisposeScope());

    public void Dispose()
    {
        Quantiles.Dispose();
        StaticWeights.Dispose();
        EncoderWeights.Dispose();
        DecoderWeights.Dispose();
        Attention.Dispose();
    }
}
