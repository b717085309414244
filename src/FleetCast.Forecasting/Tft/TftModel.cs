using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;

namespace FleetCast.Forecasting.Tft;

/// <summary>A TFT network together with its manifest (contract, normalisation, training report).
/// Saved as a directory holding <c>model.json</c> and the weights.</summary>
public sealed class TftModel : IDisposable
{
    public const string ManifestFile = "model.json";
    public const string WeightsFile = "weights.dat";
    public const string NormalisationDescription =
        "per server and metric: (x - mean) / max(std, floor) over the history read (one season before the look-back, and the look-back); floor 0.5 for 0-100 % metrics, 0.05 otherwise; the quantile head adds learned shares of the last observed and the season-ago normalised values";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private TftModel(TftNetwork network, TftModelManifest manifest)
    {
        Network = network;
        Manifest = manifest;
    }

    public TftModelManifest Manifest { get; private set; }

    public TftConfig Config => Manifest.Config;

    public int StepSeconds => Manifest.StepSeconds;

    public long ParameterCount => Manifest.ParameterCount;

    internal TftNetwork Network { get; }

    /// <summary>Held while the network runs: a module is used by one caller at a time.</summary>
    internal object Gate { get; } = new();

    /// <summary>A randomly initialised (untrained) model, seeded.</summary>
    public static TftModel Create(TftConfig config, int stepSeconds = 300, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSeconds, 1);
        torch.random.manual_seed(seed);
        var network = new TftNetwork(config);
        network.eval();
        return new TftModel(network, CreateManifest(config, stepSeconds, CountParameters(network)));
    }

    /// <summary>Number of trainable values of a network built from <paramref name="config"/>.</summary>
    public static long CountParameters(TftConfig config)
    {
        using var network = new TftNetwork(config);
        return CountParameters(network);
    }

    /// <summary>Writes <c>model.json</c> and the weights into <paramref name="directory"/> (created if needed).</summary>
    public void Save(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        lock (Gate)
        {
            Write(Network, Manifest, directory);
        }
    }

    /// <summary>Writes a network that is still training, with the report so far, as a loadable model
    /// directory; the network stays with the caller.</summary>
    internal static void SaveCheckpoint(TftNetwork network, int stepSeconds, TftTrainingReport report, IReadOnlyList<MetricInputStatistics> statistics, string directory)
    {
        var manifest = CreateManifest(network.Config, stepSeconds, CountParameters(network)) with
        {
            Training = report,
            InputStatistics = statistics,
            CreatedAt = report.FinishedAt,
        };
        Write(network, manifest, directory);
    }

    /// <summary>Weights first, then the manifest, each through a temporary file and a rename, so a
    /// crash mid-write leaves the previous complete model in place.</summary>
    private static void Write(TftNetwork network, TftModelManifest manifest, string directory)
    {
        Directory.CreateDirectory(directory);
        var weights = Path.Combine(directory, WeightsFile);
        network.save(weights + ".tmp");
        File.Move(weights + ".tmp", weights, overwrite: true);
        var manifestPath = Path.Combine(directory, ManifestFile);
        File.WriteAllText(manifestPath + ".tmp", JsonSerializer.Serialize(manifest, JsonOptions));
        File.Move(manifestPath + ".tmp", manifestPath, overwrite: true);
    }

    /// <summary>Loads a model directory, validating its data contract against this build.</summary>
    /// <param name="expectedStepSeconds">When given, the model's step length must equal it.</param>
    /// <exception cref="ModelLoadException">Missing files, unreadable metadata or a contract mismatch.</exception>
    public static TftModel Load(string directory, int? expectedStepSeconds = null) => Load(directory, expectedStepSeconds, strict: true);

    /// <summary>Loads a model directory to continue training from: weights the saved network lacks
    /// (a network grown since it was saved) keep their initial values.</summary>
    public static TftModel LoadForContinuation(string directory) => Load(directory, null, strict: false);

    private static TftModel Load(string directory, int? expectedStepSeconds, bool strict)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new ModelLoadException($"Model directory '{directory}' has no {ManifestFile}.");
        }

        TftModelManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<TftModelManifest>(File.ReadAllText(manifestPath), JsonOptions)
                ?? throw new ModelLoadException($"{manifestPath} is empty.");
        }
        catch (JsonException exception)
        {
            throw new ModelLoadException($"{manifestPath} is not a valid model manifest: {exception.Message}", exception);
        }

        ValidateContract(manifest, manifestPath, expectedStepSeconds);

        var weightsPath = Path.Combine(directory, manifest.WeightsFile);
        if (!File.Exists(weightsPath))
        {
            throw new ModelLoadException($"Model directory '{directory}' has no weights file '{manifest.WeightsFile}'.");
        }

        var network = new TftNetwork(manifest.Config);
        try
        {
            network.load(weightsPath, strict: strict);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or IOException or ExternalException)
        {
            network.Dispose();
            throw new ModelLoadException($"Weights in '{weightsPath}' do not fit the configuration in {ManifestFile}: {exception.Message}", exception);
        }

        var count = CountParameters(network);
        if (strict && count != manifest.ParameterCount)
        {
            network.Dispose();
            throw new ModelLoadException($"{manifestPath}: parameterCount is {manifest.ParameterCount} but the network has {count}.");
        }

        network.eval();
        return new TftModel(network, manifest);
    }

    public void Dispose() => Network.Dispose();

    /// <summary>A second network with this one's weights and manifest, so two forecasts can run at once.</summary>
    internal TftModel CreateReplica()
    {
        var network = new TftNetwork(Config);
        lock (Gate)
        {
            using var noGrad = torch.no_grad();
            var weights = Network.state_dict();
            foreach (var (name, value) in network.state_dict())
            {
                value.copy_(weights[name]);
            }
        }

        network.eval();
        return new TftModel(network, Manifest);
    }

    internal void AttachTraining(TftTrainingReport report, IReadOnlyList<MetricInputStatistics> statistics, QuantileCalibration? calibration) =>
        Manifest = Manifest with { Training = report, InputStatistics = statistics, Calibration = calibration, CreatedAt = report.FinishedAt };

    internal void AttachCalibration(QuantileCalibration calibration) => Manifest = Manifest with { Calibration = calibration };

    internal static TftModel FromTrainedNetwork(TftNetwork network, int stepSeconds)
    {
        network.eval();
        return new TftModel(network, CreateManifest(network.Config, stepSeconds, CountParameters(network)));
    }

    internal static long CountParameters(TftNetwork network) =>
        network.parameters().Sum(p => p.numel());

    private static TftModelManifest CreateManifest(TftConfig config, int stepSeconds, long parameterCount) => new()
    {
        ContractVersion = TftFeatures.ContractVersion,
        Config = config,
        Metrics = TftFeatures.Metrics,
        TimeFeatures = TftFeatures.TimeFeatures,
        StaticFeatures = TftFeatures.StaticFeatures,
        Quantiles = config.Quantiles,
        StepSeconds = stepSeconds,
        LookbackSteps = config.LookbackSteps,
        HorizonSteps = config.HorizonSteps,
        Normalisation = NormalisationDescription,
        ParameterCount = parameterCount,
        WeightsFile = WeightsFile,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private static void ValidateContract(TftModelManifest manifest, string path, int? expectedStepSeconds)
    {
        if (manifest.ContractVersion != TftFeatures.ContractVersion)
        {
            throw new ModelLoadException(
                $"{path}: contractVersion is {manifest.ContractVersion}, this build reads version {TftFeatures.ContractVersion}. Retrain the model with this build.");
        }

        if (manifest.Config is null)
        {
            throw new ModelLoadException($"{path}: config is missing.");
        }

        CheckList(path, "metrics", manifest.Metrics, TftFeatures.Metrics);
        CheckList(path, "timeFeatures", manifest.TimeFeatures, TftFeatures.TimeFeatures);
        CheckList(path, "staticFeatures", manifest.StaticFeatures, TftFeatures.StaticFeatures);

        if (manifest.StepSeconds < 1)
        {
            throw new ModelLoadException($"{path}: stepSeconds must be positive; got {manifest.StepSeconds}.");
        }

        if (expectedStepSeconds is { } expected && manifest.StepSeconds != expected)
        {
            throw new ModelLoadException($"{path}: stepSeconds is {manifest.StepSeconds}, but the forecaster runs on {expected}-second steps.");
        }

        try
        {
            manifest.Config.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new ModelLoadException($"{path}: {exception.Message}", exception);
        }

        if (manifest.LookbackSteps != manifest.Config.LookbackSteps || manifest.HorizonSteps != manifest.Config.HorizonSteps)
        {
            throw new ModelLoadException($"{path}: lookbackSteps/horizonSteps disagree with config.");
        }

        if (manifest.Quantiles is null || !manifest.Quantiles.SequenceEqual(manifest.Config.Quantiles))
        {
            throw new ModelLoadException($"{path}: quantiles disagree with config.");
        }

        manifest.Calibration?.Validate(path, manifest.Config.Quantiles.Length, TftFeatures.MetricCount, manifest.Config.HorizonSteps);
    }

    private static void CheckList(string path, string field, IReadOnlyList<string>? actual, IReadOnlyList<string> expected)
    {
        if (actual is null || !actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new ModelLoadException(
                $"{path}: {field} [{string.Join(", ", actual ?? [])}] does not match this build's [{string.Join(", ", expected)}].");
        }
    }
}
