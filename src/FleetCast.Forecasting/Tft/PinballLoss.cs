using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft;

/// <summary>Quantile (pinball) loss in normalised space, averaged over metrics, steps and quantiles
/// of the valid targets.</summary>
internal static class PinballLoss
{
    /// <param name="predictions">[B, T, M, Q].</param>
    /// <param name="targets">[B, T, M].</param>
    /// <param name="mask">[B, T, M], 0 where the target is missing, else its weight (1 unless weighted); the loss is the weighted mean.</param>
    /// <param name="quantiles">The Q quantile levels.</param>
    public static Tensor Compute(Tensor predictions, Tensor targets, Tensor mask, double[] quantiles)
    {
        using var scope = torch.NewDisposeScope();
        var levels = tensor(quantiles.Select(q => (float)q).ToArray()); // [Q]
        var levelsBelowOne = tensor(quantiles.Select(q => (float)q - 1f).ToArray()); // [Q]
        var error = targets.unsqueeze(-1).sub(predictions); // [B, T, M, Q]
        var loss = torch.maximum(levels * error, levelsBelowOne * error); // [B, T, M, Q]
        var weighted = (loss * mask.unsqueeze(-1)).sum();
        var count = torch.maximum(mask.sum(), tensor(1f)) * tensor((float)quantiles.Length);
        return (weighted / count).MoveToOuterDisposeScope();
    }
}
