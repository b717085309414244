using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>One linear prescaler per real-valued input variable (a 1 → H linear map each), held as
/// one weight matrix so all variables are embedded in a single broadcast.</summary>
internal sealed class VariablePrescaler : nn.Module<Tensor, Tensor>
{
    private readonly Parameter _weight;
    private readonly Parameter _bias;

    public VariablePrescaler(string name, int variables, int hiddenSize)
        : base(name)
    {
        var bound = 1.0;
        _weight = nn.Parameter(torch.empty(variables, hiddenSize).uniform_(-bound, bound));
        _bias = nn.Parameter(torch.empty(variables, hiddenSize).uniform_(-bound, bound));
        RegisterComponents();
    }

    /// <summary>[..., V] → [..., V, H].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var embedded = input.unsqueeze(-1) * _weight + _bias; // [..., V, H]
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
