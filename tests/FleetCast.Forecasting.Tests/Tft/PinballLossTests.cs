using FleetCast.Forecasting.Tft;
using TorchSharp;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class PinballLossTests
{
    [Fact]
    public void Compute_KnownErrors_MatchesHandValue()
    {
        // One target 1.0; predictions p10 = 0, p50 = 1, p90 = 3.
        using var predictions = torch.tensor(new float[] { 0, 1, 3 }, [1, 1, 1, 3]);
        using var targets = torch.tensor(new float[] { 1 }, [1, 1, 1]);
        using var mask = torch.ones(1, 1, 1);

        using var loss = PinballLoss.Compute(predictions, targets, mask, [0.1, 0.5, 0.9]);

        // p10: 0.1 × 1 = 0.1; p50: 0; p90: (0.9 − 1) × (1 − 3) = 0.2 → mean 0.1.
        Assert.Equal(0.1f, loss.item<float>(), 5);
    }

    [Fact]
    public void Compute_MaskedTarget_Ignored()
    {
        using var predictions = torch.zeros(1, 2, 1, 3);
        using var targets = torch.tensor(new float[] { 1, 1000 }, [1, 2, 1]);
        using var mask = torch.tensor(new float[] { 1, 0 }, [1, 2, 1]);

        using var loss = PinballLoss.Compute(predictions, targets, mask, [0.1, 0.5, 0.9]);

        Assert.Equal((0.1f + 0.5f + 0.9f) / 3, loss.item<float>(), 5);
    }
}
