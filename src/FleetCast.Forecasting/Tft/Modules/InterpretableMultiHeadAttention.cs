using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>The TFT's interpretable attention: every head has its own query and key projections but
/// all heads share one value projection, and head outputs are averaged, so the averaged attention
/// weights describe exactly what the layer did.</summary>
internal sealed class InterpretableMultiHeadAttention : nn.Module<Tensor, Tensor, Tensor, (Tensor Output, Tensor Weights)>
{
    private readonly int _heads;
    private readonly int _headSize;
    private readonly Linear _query;
    private readonly Linear _key;
    private readonly Linear _value;
    private readonly Linear _output;
    private readonly Dropout _dropout;

    public InterpretableMultiHeadAttention(string name, int hiddenSize, int heads, double dropout)
        : base(name)
    {
        _heads = heads;
        _headSize = hiddenSize / heads;
        _query = nn.Linear(hiddenSize, heads * _headSize);
        _key = nn.Linear(hiddenSize, heads * _headSize);
        _value = nn.Linear(hiddenSize, _headSize);
        _output = nn.Linear(_headSize, hiddenSize);
        _dropout = nn.Dropout(dropout);
        RegisterComponents();
    }

    /// <summary>query [B, Tq, H], memory [B, Tk, H], mask [Tq, Tk] (true = may not attend) →
    /// output [B, Tq, H], weights [B, heads, Tq, Tk].</summary>
    public override (Tensor Output, Tensor Weights) forward(Tensor query, Tensor memory, Tensor mask)
    {
        using var scope = torch.NewDisposeScope();
        var batch = query.shape[0];
        var q = (_query.forward(query) * (1.0 / Math.Sqrt(_headSize))).view(batch, -1, _heads, _headSize).transpose(1, 2); // [B, heads, Tq, d]
        var k = _key.forward(memory).view(batch, -1, _heads, _headSize).transpose(1, 2); // [B, heads, Tk, d]
        var v = _value.forward(memory); // [B, Tk, d]
        var scores = torch.matmul(q, k.transpose(-2, -1)).masked_fill_(mask, float.NegativeInfinity); // [B, heads, Tq, Tk]
        var weights = nn.functional.softmax(scores, -1); // [B, heads, Tq, Tk]

        // The value projection is shared, so the mean of the heads' outputs is the heads' mean
        // attention applied once: mean_h(A_h V) = (mean_h A_h) V.
        var meanWeights = _dropout.forward(weights).mean([1]); // [B, Tq, Tk]
        var output = _output.forward(torch.bmm(meanWeights, v)); // [B, Tq, H]
        return (output.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _query.Dispose();
            _key.Dispose();
            _value.Dispose();
            _output.Dispose();
            _dropout.Dispose();
        }

        base.Dispose(disposing);
    }
}
