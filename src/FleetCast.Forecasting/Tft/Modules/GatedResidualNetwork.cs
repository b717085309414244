using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>GRN(a, c) = LayerNorm(skip(a) + GLU(W₁ ELU(W₂a + W₃c))). The context c is optional and,
/// when given, has <c>contextSize</c> features broadcast over the same leading dimensions as a.</summary>
internal sealed class GatedResidualNetwork : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly Linear? _skip;
    private readonly Linear _input;
    private readonly Linear? _context;
    private readonly Linear _hidden;
    private readonly GatedLinearUnit _gate;
    private readonly LayerNorm _norm;

    public GatedResidualNetwork(string name, int inputSize, int hiddenSize, int outputSize, double dropout, int? contextSize = null)
        : base(name)
    {
        _skip = inputSize == outputSize ? null : nn.Linear(inputSize, outputSize);
        _input = nn.Linear(inputSize, hiddenSize);
        _context = contextSize is { } size ? nn.Linear(size, hiddenSize, hasBias: false) : null;
        _hidden = nn.Linear(hiddenSize, hiddenSize);
        _gate = new GatedLinearUnit("gate", hiddenSize, outputSize, dropout);
        _norm = nn.LayerNorm(outputSize);
        RegisterComponents();
    }

    /// <summary>input [..., in], context [..., C] or null → [..., out].</summary>
    public override Tensor forward(Tensor input, Tensor? context)
    {
        using var scope = torch.NewDisposeScope();
        var residual = _skip is null ? input : _skip.forward(input); // [..., out]
        var hidden = _input.forward(input); // [..., hidden]
        if (context is not null)
        {
            if (_context is null)
            {
                throw new InvalidOperationException($"{GetName()} was built without a context input.");
            }

            hidden = TensorScalars.Add(hidden, _context.forward(context)); // context [..., 1, C] broadcasts over time
        }

        hidden = _hidden.forward(TensorScalars.Elu(hidden)); // [..., hidden]
        var output = _norm.forward(TensorScalars.Add(_gate.forward(hidden), residual)); // [..., out]
        return output.MoveToOuterDisposeScope();
    }

    public Tensor forward(Tensor input) => forward(input, null);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _skip?.Dispose();
            _input.Dispose();
            _context?.Dispose();
            _hidden.Dispose();
            _gate.Dispose();
            _norm.Dispose();
        }

        base.Dispose(disposing);
    }
}
