using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;

namespace FleetCast.Forecasting.Tests.Tft;

[Collection(TorchCollection.Name)]
public sealed class TftNetworkTests
{
    public TftNetworkTests() => torch.set_num_threads(1);

    [Fact]
    public void Forward_SmallConfig_ReturnsDocumentedShapes()
    {
        var config = TftTestData.SmallConfig();
        using var network = TftNetworkHarness.Network(config, seed: 1);
        using var inputs = TftNetworkHarness.RandomInputs(config, batch: 3, seed: 2);

        using var outputs = network.forward(inputs);

        Assert.Equal(new long[] { 3, 8, 14, 3 }, outputs.Quantiles.shape);
        Assert.Equal(new long[] { 3, 2 }, outputs.StaticWeights.shape);
        Assert.Equal(new long[] { 3, 16, 32 }, outputs.EncoderWeights.shape);
        Assert.Equal(new long[] { 3, 8, 18 }, outputs.DecoderWeights.shape);
        Assert.Equal(new long[] { 3, 8, 24 }, outputs.Attention.shape);
    }

    [Fact]
    public void Forward_AnyInput_VariableSelectionWeightsSumToOne()
    {
        var config = TftTestData.SmallConfig();
        using var network = TftNetworkHarness.Network(config, seed: 3);
        using var inputs = TftNetworkHarness.RandomInputs(config, batch: 4, seed: 4);

        using var outputs = network.forward(inputs);

        foreach (var weights in new[] { outputs.StaticWeights, outputs.EncoderWeights, outputs.DecoderWeights })
        {
            var sums = weights.sum(-1).data<float>().ToArray();
            Assert.All(sums, s => Assert.Equal(1f, s, 4));
            Assert.True(weights.min().item<float>() >= 0f);
        }
    }

    [Fact]
    public void Forward_LaterDecoderInputChanged_EarlierOutputsUnchanged()
    {
        var config = TftTestData.SmallConfig();
        using var network = TftNetworkHarness.Network(config, seed: 5);
        using var inputs = TftNetworkHarness.RandomInputs(config, batch: 2, seed: 6);
        const int changedHorizonStep = 5;
        using var editedKnown = inputs.Known.clone();
        editedKnown[.., config.LookbackSteps + changedHorizonStep, ..] = torch.full([2, 4], 3.0f);
        using var editedSeasonal = inputs.Seasonal.clone();
        editedSeasonal[.., config.LookbackSteps + changedHorizonStep, ..] = torch.full([2, 14], -2.0f);
        var edited = inputs with { Known = editedKnown, Seasonal = editedSeasonal };

        using var original = network.forward(inputs);
        using var changed = network.forward(edited);

        var before = original.Quantiles.narrow(1, 0, changedHorizonStep);
        var after = changed.Quantiles.narrow(1, 0, changedHorizonStep);
        Assert.Equal(0f, (before - after).abs().max().item<float>());
        var atEdit = (original.Quantiles.select(1, changedHorizonStep) - changed.Quantiles.select(1, changedHorizonStep)).abs().max().item<float>();
        Assert.True(atEdit > 1e-6f, "the edited step itself must see its new input");
        var attentionOnFuture = original.Attention.select(1, 0).narrow(-1, config.LookbackSteps + 1, config.HorizonSteps - 1);
        Assert.Equal(0f, attentionOnFuture.abs().max().item<float>());
    }

    [Fact]
    public void Forward_RandomWeights_QuantilesOrdered()
    {
        var config = TftTestData.SmallConfig() with { Quantiles = [0.05, 0.1, 0.5, 0.9, 0.95] };
        using var network = TftNetworkHarness.Network(config, seed: 7);
        using var inputs = TftNetworkHarness.RandomInputs(config, batch: 5, seed: 8);

        using var outputs = network.forward(inputs);

        var gaps = outputs.Quantiles.diff(dim: -1);
        Assert.True(gaps.min().item<float>() >= 0f);
    }

    [Fact]
    public void NamedParameters_SmallConfig_CountMatchesArchitecture()
    {
        var config = TftTestData.SmallConfig() with { LstmLayers = 2 };
        using var network = TftNetworkHarness.Network(config, seed: 9);

        var registered = network.named_parameters().Sum(p => p.parameter.numel());
        var names = network.named_parameters().Select(p => p.name).ToArray();

        Assert.Equal(ExpectedParameters(config), registered);
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Fact]
    public void Forward_HeadSilencedSeasonalSkipOnly_EveryQuantileIsTheSeasonAgoValue()
    {
        // Persistence 0 and seasonal share 1: the forecast of each horizon step is that step's value one
        // season earlier (plus the head's fixed spreads), which is how a daily episode is repeated.
        var config = TftTestData.SmallConfig();
        using var network = TftNetworkHarness.Network(config, seed: 6);
        using (torch.no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters())
            {
                var bare = name.TrimStart('_');
                if (bare.StartsWith("head.", StringComparison.Ordinal) || bare == "persistence")
                {
                    parameter.zero_();
                }
                else if (bare == "seasonalSkip")
                {
                    parameter.fill_(1);
                }
            }
        }

        using var inputs = TftNetworkHarness.RandomInputs(config, batch: 3, seed: 7);
        using var outputs = network.forward(inputs);

        using var seasonAgo = inputs.Seasonal.narrow(1, config.LookbackSteps, config.HorizonSteps).unsqueeze(-1).expand_as(outputs.Quantiles);
        using var spreads = torch.arange(config.Quantiles.Length, dtype: torch.ScalarType.Float32).mul(Math.Log(2));
        using var expected = seasonAgo + spreads;
        Assert.True(outputs.Quantiles.allclose(expected, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void Forward_HeadSilenced_EveryQuantileIsTheLastObservedValue()
    {
        // With the quantile head's weights at zero its lowest quantile is 0 and each next one adds
        // softplus(0) = ln 2, so the forecast is the last observed value (times the learned persistence,
        // initially 1; the seasonal share starts at 0) plus those fixed spreads: an untrained network keeps each metric where it is.
        var config = TftTestData.SmallConfig();
        using var network = TftNetworkHarness.Network(config, seed: 4);
        using (torch.no_grad())
        {
            foreach (var (name, parameter) in network.named_parameters().Where(p => p.name.TrimStart('_').StartsWith("head.", StringComparison.Ordinal)))
            {
                parameter.zero_();
            }
        }

        using var inputs = TftNetworkHarness.RandomInputs(config, batch: 3, seed: 5);
        using var outputs = network.forward(inputs);

        using var last = inputs.Observed.narrow(1, config.LookbackSteps - 1, 1).unsqueeze(-1).expand_as(outputs.Quantiles);
        using var spreads = torch.arange(config.Quantiles.Length, dtype: torch.ScalarType.Float32).mul(Math.Log(2));
        using var expected = last + spreads;
        Assert.True(outputs.Quantiles.allclose(expected, rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void CountParameters_DefaultConfig_AtMostOneMillion()
    {
        var count = TftModel.CountParameters(new TftConfig());

        Assert.InRange(count, 100_000, 1_000_000);
        Assert.Equal(ExpectedParameters(new TftConfig()), count);
    }

    /// <summary>The architecture's parameter count, written out independently of module registration.</summary>
    private static long ExpectedParameters(TftConfig config)
    {
        long h = config.HiddenSize;
        long e = config.VariableSize;
        static long Linear(long i, long o) => (i * o) + o;
        static long Norm(long n) => 2 * n;
        static long Glu(long i, long o) => Linear(i, 2 * o);
        static long Grn(long i, long hid, long o, long context = 0) =>
            (i == o ? 0 : Linear(i, o)) + Linear(i, hid) + (context * hid) + Linear(hid, hid) + Glu(hid, o) + Norm(o);
        long Vsn(long variables, long context) => Grn(variables * e, h, variables, context) + (variables * Grn(e, e, e)) + Linear(e, h);
        long Lstm() => (4 * h * h) + (4 * h * h) + (8 * h) + ((config.LstmLayers - 1) * ((8 * h * h) + (8 * h)));
        long GateAddNorm() => Glu(h, h) + Norm(h);
        var head = h / config.AttentionHeads;

        return (7 * e) + Linear(28, e) + (2 * 32 * e) + (2 * 18 * e)
            + Vsn(2, 0) + Vsn(32, h) + Vsn(18, h)
            + (4 * Grn(h, h, h))
            + (2 * Lstm())
            + (3 * GateAddNorm())
            + Grn(h, h, h, h)
            + (2 * Linear(h, config.AttentionHeads * head)) + Linear(h, head) + Linear(head, h)
            + Grn(h, h, h)
            + Linear(h, 14 * config.Quantiles.Length)
            + (config.HorizonSteps * 14) // learned persistence of the last observed value
            + (config.HorizonSteps * 14); // learned share of the season-ago value
    }
}
