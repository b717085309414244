using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;
using TorchSharp;

namespace FleetCast.Forecasting.Tft;

/// <summary>Serves a trained TFT: one batched forward per chunk of servers, on a fixed number of
/// intra-op threads (so the rest of the machine stays free for serving).</summary>
public sealed class TftForecaster : IForecaster, IDisposable
{
    private readonly bool _ownsModel;

    /// <param name="model">The model to serve.</param>
    /// <param name="threads">Intra-op threads for inference. TorchSharp's setting is process-wide; it is
    /// re-applied before every batch.</param>
    /// <param name="chunkSize">Servers per forward pass. Small chunks keep each pass's tensors inside
    /// the CPU caches; on the 2-core test machine chunks of 16–32 used the least CPU time per fleet,
    /// chunks of 256 about 3× more.</param>
    /// <param name="ownsModel">Dispose the model with this forecaster.</param>
    public TftForecaster(TftModel model, int threads = 1, int chunkSize = DefaultChunkSize, bool ownsModel = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        NativeHeap.EnsureTuned();
        Model = model;
        Threads = threads;
        ChunkSize = chunkSize;
        _ownsModel = ownsModel;
    }

    public const int DefaultChunkSize = 32;

    public string Name => TftInference.ForecasterName;

    public bool IsModel => true;

    public int MinHistorySteps => Model.Config.HistorySteps;

    public TftModel Model { get; }

    public int Threads { get; }

    public int ChunkSize { get; }

    /// <summary>Loads a model directory (see <see cref="TftModel.Load"/>) and serves it.</summary>
    /// <exception cref="ModelLoadException">The directory is missing, unreadable, or built for another contract.</exception>
    public static TftForecaster Load(string modelDirectory, int threads = 1, int? expectedStepSeconds = null) =>
        new(TftModel.Load(modelDirectory, expectedStepSeconds), threads, ownsModel: true);

    public IReadOnlyList<ServerForecast> Forecast(IReadOnlyList<ServerWindow> windows, int horizonSteps, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (horizonSteps < 1 || horizonSteps > Model.Config.HorizonSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(horizonSteps), horizonSteps, $"The TFT forecasts 1 to {Model.Config.HorizonSteps} steps ahead.");
        }

        torch.set_num_threads(Threads);
        var forecasts = new ServerForecast[windows.Count];
        for (var start = 0; start < windows.Count; start += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(ChunkSize, windows.Count - start);
            var result = TftInference.Run(Model, windows, start, count, withInterpretation: false);
            for (var b = 0; b < count; b++)
            {
                forecasts[start + b] = TftInference.ToForecast(Model, result, b, windows[start + b], horizonSteps);
            }
        }

        return forecasts;
    }

    public void Dispose()
    {
        if (_ownsModel)
        {
            Model.Dispose();
        }
    }
}
