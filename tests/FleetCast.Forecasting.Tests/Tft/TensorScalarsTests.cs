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
    public void Elu_UnderNoGrad_MatchesTorchEluAndLeavesTheInputUnchanged()
    {
        using var x = torch.tensor(Values());
        using var copy = x.clone();
        using var noGrad = torch.no_grad();

        using var ours = TensorScalars.Elu(x);
        using var reference = torch.nn.functional.elu(copy, 1.0);

        Assert.True(ours.allclose(reference, rtol: 1e-5, atol: 1e-6));
        Assert.True(x.allclose(copy, rtol: 0, atol: 0));
    }

    [Fact]
    public void Elu_WithGradients_BackpropagatesLikeTorchElu()
    {
        // Away from 0, where max/min split the gradient of a tie.
        var values = Values().Select(v => v + 0.25f).ToArray();
        using var x = torch.tensor(values).requires_grad_();
        using var y = torch.tensor(values).requires_grad_();

        TensorScalars.Elu(x).sum().backward();
        torch.nn.functional.elu(y, 1.0).sum().backward();

        Assert.True(x.grad!.allclose(y.grad!, rtol: 1e-5, atol: 1e-6));
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
