using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>V independent GRNs of size E → E → E (identity skip, no context), one per input variable,
/// held as stacked weights so all of them run as three batched matrix products over a
/// variable-major tensor [V, N, E] instead of V separate module calls.</summary>
internal sealed class GroupedGatedResidualNetwork : nn.Module<Tensor, Tensor>
{
    private readonly long _size;
    private readonly Parameter _inputWeight;
    private readonly Parameter _inputBias;
    private readonly Parameter _hiddenWeight;
    private readonly Parameter _hiddenBias;
    private readonly Parameter _gateWeight;
    private readonly Parameter _gateBias;
    private readonly Parameter _normWeight;
    private readonly Parameter _normBias;
    private readonly Dropout _dropout;

    public GroupedGatedResidualNetwork(string name, int variables, int size, double dropout)
        : base(name)
    {
        _size = size;
        var bound = 1.0 / Math.Sqrt(size);
        _inputWeight = Uniform(variables, size, size, bound);
        _inputBias = Uniform(variables, 1, size, bound);
        _hiddenWeight = Uniform(variables, size, size, bound);
        _hiddenBias = Uniform(variables, 1, size, bound);
        _gateWeight = Uniform(variables, size, 2 * size, bound);
        _gateBias = Uniform(variables, 1, 2 * size, bound);
        _normWeight = nn.Parameter(torch.ones(variables, 1, size));
        _normBias = nn.Parameter(torch.zeros(variables, 1, size));
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <summary>[V, N, E] → [V, N, E]: variable v goes through its own GRN.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var hidden = TensorScalars.Add(torch.bmm(input, _inputWeight), _inputBias); // [V, N, E]
        hidden = TensorScalars.Add(torch.bmm(TensorScalars.Elu(hidden), _hiddenWeight), _hiddenBias); // [V, N, E]

        // GLU with the value and gate halves of the projection computed separately, so both are
        // contiguous [V, N, E] tensors (a GLU over the last dimension of [V, N, 2E] works on
        // interleaved 8-float halves and was the slowest op of the grouped GRN).
        var dropped = _dropout.forward(hidden);
        var value = TensorScalars.AddInPlace(torch.bmm(dropped, _gateWeight.narrow(2, 0, _size)), _gateBias.narrow(2, 0, _size)); // [V, N, E]
        var gate = TensorScalars.AddInPlace(torch.bmm(dropped, _gateWeight.narrow(2, _size, _size)), _gateBias.narrow(2, _size, _size)); // [V, N, E]
        var gated = training ? value * gate.sigmoid() : value.mul_(gate.sigmoid_()); // [V, N, E]
        var normalised = nn.functional.layer_norm(TensorScalars.Add(gated, input), [_size]); // [V, N, E]
        var output = training ? TensorScalars.Add(normalised * _normWeight, _normBias) : TensorScalars.Add(normalised.mul_(_normWeight), _normBias); // [V, N, E]
        return output.MoveToOuterDisposeScope();
    }

    private static Parameter Uniform(long variables, long rows, long columns, double bound) =>
        nn.Parameter(torch.empty(variables, rows, columns).uniform_(-bound, bound));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inputWeight.Dispose();
            _inputBias.Dispose();
            _hiddenWeight.Dispose();
            _hiddenBias.Dispose();
            _gateWeight.Dispose();
            _gateBias.Dispose();
            _normWeight.Dispose();
            _normBias.Dispose();
            _dropout.Dispose();
        }

        base.Dispose(disposing);
    }
}
