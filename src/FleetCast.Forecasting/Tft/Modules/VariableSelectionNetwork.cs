using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Selects among V embedded variables: a GRN over their concatenation (plus optional static
/// context) gives softmax weights, each variable goes through its own GRN, and the output is the
/// weighted sum. Returns the weights too, for explanations.</summary>
internal sealed class VariableSelectionNetwork : nn.Module<Tensor, Tensor?, (Tensor Output, Tensor Weights)>
{
    private readonly int _variables;
    private readonly int _hiddenSize;
    private readonly GatedResidualNetwork _selector;
    private readonly ModuleList<GatedResidualNetwork> _variableNetworks;

    public VariableSelectionNetwork(string name, int variables, int hiddenSize, double dropout, int? contextSize)
        : base(name)
    {
        _variables = variables;
        _hiddenSize = hiddenSize;
        _selector = new GatedResidualNetwork("selector", variables * hiddenSize, hiddenSize, variables, dropout, contextSize);
        _variableNetworks = nn.ModuleList(Enumerable.Range(0, variables)
            .Select(v => new GatedResidualNetwork($"variable{v}", hiddenSize, hiddenSize, hiddenSize, dropout))
            .ToArray());
        RegisterComponents();
    }

    /// <summary>embedded [..., V, H], context [..., C] or null → output [..., H], weights [..., V] (sum 1).</summary>
    public override (Tensor Output, Tensor Weights) forward(Tensor embedded, Tensor? context)
    {
        using var scope = torch.NewDisposeScope();
        var leading = embedded.shape[..^2];
        var flattened = embedded.reshape([.. leading, _variables * _hiddenSize]); // [..., V·H]
        var weights = nn.functional.softmax(_selector.forward(flattened, context), -1); // [..., V]
        var processed = torch.stack(
            Enumerable.Range(0, _variables).Select(v => _variableNetworks[v].forward(embedded.select(-2, v))),
            -2); // [..., V, H]
        var output = (processed * weights.unsqueeze(-1)).sum(-2); // [..., H]
        return (output.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _selector.Dispose();
            _variableNetworks.Dispose();
        }

        base.Dispose(disposing);
    }
}
