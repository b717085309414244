using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Retraining;

/// <summary>Tiny TFTs trained once on the plain simulator (the "serving" models of the retraining tests), shared by a test class:
/// one trained on the plain simulator, one on a calm fleet.</summary>
public sealed class TinyModels : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TinyModels()
    {
        CurrentDirectory = _directory.Combine("current");
        CalmDirectory = _directory.Combine("calm");
        var plain = ShiftedFleet.Simulate(servers: 3, days: 4, seed: 5);
        using (var model = new TftTrainer(Config, Options(epochs: 2, windows: 256)).Train(plain))
        {
            model.Save(CurrentDirectory);
        }

        using (var model = new TftTrainer(Config, Options(epochs: 2, windows: 256)).Train(ShiftedFleet.Calm(servers: 3, days: 4, seed: 5)))
        {
            model.Save(CalmDirectory);
        }
    }

    public static TftConfig Config { get; } = new()
    {
        LookbackSteps = 16,
        HorizonSteps = 8,
        SeasonSteps = 8,
        HiddenSize = 16,
        VariableSize = 8,
        AttentionHeads = 2,
        Dropout = 0,
    };

    /// <summary>The model trained on the plain simulator.</summary>
    public string CurrentDirectory { get; }

    /// <summary>A model trained on a calm fleet (smooth daily waves, little noise): its quantiles are far too narrow
    /// for the simulator's fleet.</summary>
    public string CalmDirectory { get; }

    public static TftTrainingOptions Options(int epochs, int windows) => new()
    {
        Seed = 3,
        BatchSize = 16,
        MaxEpochs = epochs,
        MaxTrainWindowsPerEpoch = windows,
        MaxValidationWindows = 32,
        LearningRate = 5e-3,
        WarmupSteps = 2,
        Threads = 1,
        TimeBudget = null,
    };

    public string NewDirectory(string name) => _directory.Combine(name + "-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => _directory.Dispose();
}
