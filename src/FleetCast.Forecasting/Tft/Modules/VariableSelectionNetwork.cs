using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Selects among V embedded variables: a GRN over their concatenation (plus optional static
/// context) gives softmax weights, each variable goes through its own GRN, and the output is the
/// weighted sum. Unlike the paper, the per-variable GRNs work at the small variable size E (all V of
/// them as one <see cref="GroupedGatedResidualNetwork"/>) and the weighted sum is projected to H once,
/// which cuts the per-variable work by H/E on CPU. Returns the weights too, for explanations.</summary>
internal sealed class VariableSelectionNetwork : nn.Module<Tensor, Tensor?, (Tensor Output, Tensor Weights)>
{
    private readonly int _variables;
    private readonly int _variableSize;
    private readonly GatedResidualNetwork _selector;
    private readonly GroupedGatedResidualNetwork _variableNetworks;
    private readonly Linear _projection;

    public VariableSelectionNetwork(string name, int variables, int variableSize, int hiddenSize, double dropout, int? contextSize)
        : base(name)
    {
        _variables = variables;
        _variableSize = variableSize;
        _selector = new GatedResidualNetwork("selector", variables * variableSize, hiddenSize, variables, dropout, contextSize);
        _variableNetworks = new GroupedGatedResidualNetwork("variables", variables, variableSize, dropout);
        _projection = nn.Linear(variableSize, hiddenSize);
        RegisterComponents();
    }

    /// <summary>embedded [V, B, S, E] (variable-major), context [B, 1, C] or null (broadcast over S) →
    /// output [B, S, H], weights [B, S, V] (sum 1).</summary>
    public override (Tensor Output, Tensor Weights) forward(Tensor embedded, Tensor? context)
    {
        using var scope = torch.NewDisposeScope();
        var batch = embedded.shape[1];
        var steps = embedded.shape[2];
        var flattened = embedded.permute(1, 2, 0, 3).reshape(batch, steps, _variables * _variableSize); // [B, S, V·E]
        var weights = nn.functional.softmax(_selector.forward(flattened, context), -1); // [B, S, V]
        var processed = _variableNetworks.forward(embedded.view(_variables, batch * steps, _variableSize)); // [V, B·S, E]
        var variableMajorWeights = weights.view(batch * steps, _variables).t().unsqueeze(-1); // [V, B·S, 1]
        var weighted = training ? processed * variableMajorWeights : processed.mul_(variableMajorWeights); // [V, B·S, E]
        var combined = weighted.sum(0, keepdim: false).view(batch, steps, _variableSize); // [B, S, E]
        var output = _projection.forward(combined); // [B, S, H]
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
