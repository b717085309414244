using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;
using FleetCast.Forecasting.Tft;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class TftExplainerTests
{
    [Fact]
    public void Explain_SmallModel_ImportancesSumToOneAndNameEveryFeature()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 41);
        var explainer = new TftExplainer(model);
        var window = TftTestData.Window("ppdb002", ServerProfile.Database, 28, seed: 5);

        var explanation = explainer.Explain(window);

        Assert.Equal(1.0, explanation.EncoderImportance.Sum(i => i.Weight), 4);
        Assert.Equal(1.0, explanation.DecoderImportance.Sum(i => i.Weight), 4);
        Assert.Equal(1.0, explanation.StaticImportance.Sum(i => i.Weight), 4);
        Assert.Equal(TftFeatures.EncoderFeatures.OrderBy(n => n), explanation.EncoderImportance.Select(i => i.Feature).OrderBy(n => n));
        Assert.True(explanation.EncoderImportance[0].Weight >= explanation.EncoderImportance[^1].Weight);
        Assert.Equal(16, explanation.LookbackAttention.Count);
        Assert.Equal(1.0, explanation.LookbackAttention.Sum() + explanation.HorizonAttentionShare, 4);
        Assert.Equal("ppdb002", explanation.Forecast.Server);
    }

    [Fact]
    public void Counterfactual_CpuShiftedDown_ForecastChangesAndOriginalMatchesForecaster()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 42);
        var explainer = new TftExplainer(model);
        var window = TftTestData.Window("ppml0001", ServerProfile.MlCompute, 24, seed: 6);
        var edit = new CounterfactualEdit(Metric.CpuUserPct, -20);

        var result = explainer.Counterfactual(window, edit);

        var direct = new TftForecaster(model).Forecast([window], 8)[0];
        // Same model and input; batch composition may change the last float bits of the kernels.
        Assert.All(direct.Values.Zip(result.Original.Values), pair => Assert.Equal(pair.First, pair.Second, 1e-3f));
        var change = result.Original.Values.Zip(result.Edited.Values, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(change > 1e-3f);
        Assert.Equal("cpu_user_pct -20 % over the look-back", edit.Describe());
    }

    [Fact]
    public void Counterfactual_ShiftBelowZero_InputClampedToRange()
    {
        using var model = TftModel.Create(TftTestData.SmallConfig(), seed: 43);
        var explainer = new TftExplainer(model);
        var window = TftTestData.Window("ppml0002", ServerProfile.MlCompute, 24, seed: 7);
        var clamped = explainer.Counterfactual(window, new CounterfactualEdit(Metric.SwapUsedPct, -500));
        var exact = explainer.Counterfactual(window, new CounterfactualEdit(Metric.SwapUsedPct, -1000));

        // Both edits clamp swap to 0, so both runs see the same input (up to MKL's last-bit noise).
        Assert.All(clamped.Edited.Values.Zip(exact.Edited.Values), pair => Assert.Equal(pair.First, pair.Second, 1e-3f));
        Assert.True(clamped.Original.Values.Zip(clamped.Edited.Values, (a, b) => Math.Abs(a - b)).Max() > 1e-4f);
    }
}
