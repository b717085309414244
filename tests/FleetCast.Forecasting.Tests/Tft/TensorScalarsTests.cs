using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class TensorScalarsTests
{
    private static float[] Values() => Enumerable.Range(-60, 121).Select(i => i * 0.5f).ToArray();

    [Fact]
    public void Elu_RangeOfValues_MatchesTorchElu()
    {
        using var x = torch.tensor(Values());

        using var ours = TensorScalars.Elu(x);
        using var reference = torch.nn.functional.elu(x, 1.0);

        Assert.True(ours.allclose(reference, rtol: 1e-5, atol: 1e-6));
    }

    [Fact]
    public void Softplus_RangeOfValues_MatchesTorchSoftplusWithoutOverflow()
    {
        using var x = torch.tensor(Values());

        using var ours = TensorScalars.Softplus(x);
        using var reference = torch.nn.functional.softplus(x);

        Assert.True(ours.allclose(reference, rtol: 1e-5, atol: 1e-6));
        Assert.False(ours.isfinite().logical_not().any().item<bool>());
    }

    [Fact]
    public void Add_BroadcastTensors_EqualsSum()
    {
        using var a = torch.tensor(new[] { 1f, 2f, 3f, 4f }, [2, 2]);
        using var b = torch.tensor(new[] { 10f, 20f }, [1, 2]);

        using var sum = TensorScalars.Add(a, b);

        Assert.Equal(new[] { 11f, 22f, 13f, 24f }, sum.data<float>().ToArray());
    }
}
