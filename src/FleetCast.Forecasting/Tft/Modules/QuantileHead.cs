using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Projects each decoder step to every target × quantile. Quantiles are built as the lowest
/// one plus cumulative softplus increments, so they are ordered by construction.</summary>
internal sealed class QuantileHead : nn.Module<Tensor, Tensor>
{
    private readonly int _targets;
    private readonly int _quantiles;
    private readonly Linear _projection;

    public QuantileHead(string name, int hiddenSize, int targets, int quantiles)
        : base(name)
    {
        _targets = targets;
        _quantiles = quantiles;
        _projection = nn.Linear(hiddenSize, targets * quantiles);
        RegisterComponents();
    }

    /// <summary>[B, T, H] → [B, T, targets, quantiles], non-decreasing along the last dimension.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var raw = _projection.forward(input).view(input.shape[0], input.shape[1], _targets, _quantiles); // [B, T, M, Q]
        if (_quantiles == 1)
        {
            return raw.MoveToOuterDisposeScope();
        }

        var lowest = raw.narrow(-1, 0, 1); // [B, T, M, 1]
        var spreads = raw.narrow(-1, 1, _quantiles - 1);
        var increments = TensorScalars.Softplus(spreads); // [B, T, M, Q-1]
        var ordered = torch.cat([lowest, TensorScalars.Add(increments.cumsum(-1), lowest)], -1); // [B, T, M, Q]
        return ordered.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _projection.Dispose();
        }

        base.Dispose(disposing);
    }
}
