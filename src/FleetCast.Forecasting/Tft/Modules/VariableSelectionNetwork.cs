using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Selects among V embedded variables: a GRN over their concatenation (plus optional static
/// context) gives softmax weights, each variable goes through its own GRN, and the output is the
/// weighted sum. Unlike the paper, the per-variable GRNs work at the small variable size E and the
/// weighted sum is projected to H once, which cuts the per-variable work by H/E on CPU. Returns the
/// weights too, for explanations.</summary>
internal sealed class VariableSelectionNetwork : nn.Module<Tensor, Tensor?, (Tensor Output, Tensor Weights)>
{
    private readonly int _variables;
    private readonly int _variableSize;
    private readonly GatedResidualNetwork _selector;
    private readonly ModuleList<GatedResidualNetwork> _variableNetworks;
    private readonly Linear _projection;

    public VariableSelectionNetwork(string name, int variables, int variableSize, int hiddenSize, double dropout, int? contextSize)
        : base(name)
    {
        _variables = variables;
        _variableSize = variableSize;
        _selector = new GatedResidualNetwork("selector", variables * variableSize, hiddenSize, variables, dropout, contextSize);
        _variableNetworks = nn.ModuleList(Enumerable.Range(0, variables)
            .Select(v => new GatedResidualNetwork($"variable{v}", variableSize, variableSize, variableSize, dropout))
            .ToArray());
        _projection = nn.Linear(variableSize, hiddenSize);
        RegisterComponents();
    }

    /// <summary>embedded [..., V, E], context [..., C] or null → output [..., H], weights [..., V] (sum 1).</summary>
    public override (Tensor Output, Tensor Weights) forward(Tensor embedded, Tensor? context)
    {
        using var scope = torch.NewDisposeScope();
        var leading = embedded.shape[..^2];
        var flattened = embedded.reshape([.. leading, _variables * _variableSize]); // [..., V·E]
        var weights = nn.functional.softmax(_selector.forward(flattened, context), -1); // [..., V]
        var processed = torch.stack(
            Enumerable.Range(0, _variables).Select(v => _variableNetworks[v].forward(embedded.select(-2, v))),
            -2); // [..., V, E]
        var output = _projection.forward((processed * weights.unsqueeze(-1)).sum(-2)); // [..., H]
        return (output.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _selector.Dispose();
            _variableNetworks.Dispose();
            _projection.Dispose();
        }

        base.Dispose(disposing);
    }
}
