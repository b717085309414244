using FleetCast.Core.Profiles;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tests.Tft;

/// <summary>Builds random input tensors for a network of a given configuration.</summary>
internal static class TftNetworkHarness
{
    public static TftInputs RandomInputs(TftConfig config, int batch, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return new TftInputs(
            torch.tensor(Enumerable.Range(0, batch).Select(b => (long)(b % ProfileNames.Count)).ToArray(), [batch]),
            torch.randn([batch, TftFeatures.ScaleFeatureCount], generator: generator),
            torch.randn([batch, config.LookbackSteps, TftFeatures.MetricCount], generator: generator),
            torch.randn([batch, config.LookbackSteps + config.HorizonSteps, TftFeatures.TimeFeatureCount], generator: generator),
            torch.randn([batch, config.LookbackSteps + config.HorizonSteps, TftFeatures.MetricCount], generator: generator));
    }

    public static TftNetwork Network(TftConfig config, int seed)
    {
        torch.random.manual_seed(seed);
        var network = new TftNetwork(config);
        network.eval();
        return network;
    }
}
