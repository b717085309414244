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

    /// <summary>Servers per slice of the score computation. The per-head scores of one server are
    /// heads × Tq × Tk floats (≈ 300 KB at 4 × 96 × 192); slicing keeps them in cache and lets the
    /// allocator reuse the same small blocks. Whole-chunk score tensors made the masked softmax the
    /// single most expensive step of a forward pass.</summary>
    public const int ServersPerSlice = 8;

    /// <summary>query [B, Tq, H], memory [B, Tk, H], mask [Tq, Tk] (true = may not attend) →
    /// output [B, Tq, H], interpretable weights [B, Tq, Tk] (the heads' mean attention, rows sum to 1).</summary>
    public override (Tensor Output, Tensor Weights) forward(Tensor query, Tensor memory, Tensor mask)
    {
        using var scope = torch.NewDisposeScope();
        var batch = query.shape[0];
        var scoreScale = torch.tensor((float)(1.0 / Math.Sqrt(_headSize)));
        var maskPenalty = torch.where(mask, torch.tensor(float.PositiveInfinity), torch.tensor(0f)); // [Tq, Tk], +inf where masked
        var q = (_query.forward(query) * scoreScale).view(batch, -1, _heads, _headSize).transpose(1, 2); // [B, heads, Tq, d]
        var k = _key.forward(memory).view(batch, -1, _heads, _headSize).permute(0, 2, 3, 1).contiguous(); // [B, heads, d, Tk]
        var v = _value.forward(memory); // [B, Tk, d]
        var outputs = new List<Tensor>();
        var weights = new List<Tensor>();
        for (long start = 0; start < batch; start += ServersPerSlice)
        {
            var count = Math.Min(ServersPerSlice, batch - start);
            var scores = torch.matmul(q.narrow(0, start, count), k.narrow(0, start, count)).sub_(maskPenalty); // [s, heads, Tq, Tk]
            var headWeights = nn.functional.softmax(scores, -1); // [s, heads, Tq, Tk]

            // The value projection is shared, so the mean of the heads' outputs is the heads' mean
            // attention applied once: mean_h(A_h V) = (mean_h A_h) V.
            var meanWeights = headWeights.mean([1]); // [s, Tq, Tk]
            var applied = training ? _dropout.forward(headWeights).mean([1]) : meanWeights;
            outputs.Add(torch.bmm(applied, v.narrow(0, start, count))); // [s, Tq, d]
            weights.Add(meanWeights);
        }

        var output = _output.forward(outputs.Count == 1 ? outputs[0] : torch.cat(outputs, 0)); // [B, Tq, H]
        var interpretable = weights.Count == 1 ? weights[0] : torch.cat(weights, 0); // [B, Tq, Tk]
        return (output.MoveToOuterDisposeScope(), interpretable.MoveToOuterDisposeScope());
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
