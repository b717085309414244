using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>LayerNorm(GLU(x) + skip): the gated skip connection used around the LSTM, the attention
/// and the output of the TFT.</summary>
internal sealed class GateAddNorm : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly GatedLinearUnit _gate;
    private readonly LayerNorm _norm;

    public GateAddNorm(string name, int hiddenSize, double dropout)
        : base(name)
    {
        _gate = new GatedLinearUnit("gate", hiddenSize, hiddenSize, dropout);
        _norm = nn.LayerNorm(hiddenSize);
        RegisterComponents();
    }

    /// <summary>x, skip: [..., H] → [..., H].</summary>
    public override Tensor forward(Tensor input, Tensor skip)
    {
        using var scope = torch.NewDisposeScope();
        var output = _norm.forward(TensorScalars.Add(_gate.forward(input), skip)); // [..., H]
        return output.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
            _norm.Dispose();
        }

        base.Dispose(disposing);
    }
}
