using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>One linear prescaler per real-valued input variable (a 1 → E linear map each), held as
/// one weight matrix so all variables are embedded in one broadcast multiply-add.</summary>
internal sealed class VariablePrescaler : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;

    public VariablePrescaler(string name, int variables, int hiddenSize)
        : base(name)
    {
        var bound = 1.0;
        _weight = nn.Parameter(torch.empty(variables, 1, 1, hiddenSize).uniform_(-bound, bound));
        _bias = nn.Parameter(torch.empty(variables, 1, 1, hiddenSize).uniform_(-bound, bound));
        RegisterComponents();
    }

    /// <summary>[B, S, V] → [V, B, S, E] (variable-major, contiguous).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var variableMajor = input.permute(2, 0, 1).unsqueeze(-1); // [V, B, S, 1]
        var embedded = TensorScalars.Add(variableMajor * _weight, _bias); // [V, B, S, E]
        return embedded.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _weight.Dispose();
            _bias.Dispose();
        }

        base.Dispose(disposing);
    }
}
