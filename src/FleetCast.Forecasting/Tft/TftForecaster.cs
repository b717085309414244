using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using FleetCast.Core.Forecasts;
using FleetCast.Core.Windows;
using TorchSharp;

namespace FleetCast.Forecasting.Tft;

/// <summary>Serves a trained TFT: one batched forward per chunk of servers, each on one intra-op thread,
/// with up to <see cref="Threads"/> chunks running at once on replicas of the model (so with the
/// default of 1 the rest of the machine stays free for serving).</summary>
public sealed class TftForecaster : IForecaster, IDisposable
{
    private readonly bool _ownsModel;
    private readonly object _replicaGate = new();
    private readonly ConcurrentBag<TftModel> _idleReplicas = [];
    private readonly List<TftModel> _replicas = [];

    /// <param name="model">The model to serve.</param>
    /// <param name="threads">Chunks forecast at once, each by its own replica of the model on one
    /// intra-op thread (TorchSharp's thread setting is process-wide; it is set to 1 before every forecast).</param>
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
        _idleReplicas.Add(model);
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

        torch.set_num_threads(1);
        var forecasts = new ServerForecast[windows.Count];
        var chunks = (windows.Count + ChunkSize - 1) / ChunkSize;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, chunks, options, RentReplica, (chunk, _, replica) =>
            {
                var start = chunk * ChunkSize;
                var count = Math.Min(ChunkSize, windows.Count - start);
                var result = TftInference.Run(replica, windows, start, count, withInterpretation: false);
                for (var b = 0; b < count; b++)
                {
                    forecasts[start + b] = TftInference.ToForecast(replica, result, b, windows[start + b], horizonSteps);
                }

                return replica;
            }, _idleReplicas.Add);
        }
        catch (AggregateException exception) when (exception.InnerExceptions.Count == 1)
        {
            // A bad window is reported as itself (e.g. ArgumentException naming the server), as before.
            ExceptionDispatchInfo.Capture(exception.InnerExceptions[0]).Throw();
        }
        finally
        {
            NativeHeap.ReleaseFree();
        }

        return forecasts;
    }

    public void Dispose()
    {
        lock (_replicaGate)
        {
            foreach (var replica in _replicas)
            {
                replica.Dispose();
            }

            _replicas.Clear();
        }

        if (_ownsModel)
        {
            Model.Dispose();
        }
    }

    /// <summary>An idle replica for one worker, made (once, then reused) when all are busy.</summary>
    private TftModel RentReplica()
    {
        if (_idleReplicas.TryTake(out var idle))
        {
            return idle;
        }

        lock (_replicaGate)
        {
            var replica = Model.CreateReplica();
            _replicas.Add(replica);
            return replica;
        }
    }
}
