using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>GLU(x) = σ(W₁x + b₁) ⊙ (W₂x + b₂), after dropout.</summary>
internal sealed class GatedLinearUnit : nn.Module<Tensor, Tensor>
{
    private readonly Dropout _dropout;
    private readonly Linear _linear;

    public GatedLinearUnit(string name, int inputSize, int outputSize, double dropout)
        : base(name)
    {
        _dropout = nn.Dropout(dropout);
        _linear = nn.Linear(inputSize, 2 * outputSize);
        RegisterComponents();
    }

    /// <summary>[..., in] → [..., out].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var projected = _linear.forward(_dropout.forward(input)); // [..., 2·out]
        var gated = nn.functional.glu(projected, -1); // [..., out]
        return gated.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dropout.Dispose();
            _linear.Dispose();
        }

        base.Dispose(disposing);
    }
}
