using FleetCast.Core.Samples;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;

namespace FleetCast.Server.Ingest;

/// <summary>
/// Write before apply: a batch is committed to the sample store (durable when AppendAsync returns) and
/// only then applied to the windows. Batches are serialised so the windows see them in commit order;
/// SQLite has a single writer anyway, so this costs no throughput.
/// </summary>
public sealed class IngestService : IIngestService
{
    private readonly ISampleStore _store;
    private readonly IWindowStore _windows;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public IngestService(ISampleStore store, IWindowStore windows, IngestStatistics statistics)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _windows = windows ?? throw new ArgumentNullException(nameof(windows));
        Statistics = statistics ?? throw new ArgumentNullException(nameof(statistics));
    }

    public IngestStatistics Statistics { get; }

    public async Task<IngestResult> IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
        {
            return new IngestResult(0, _windows.ServerCount, _windows.ReadyCount);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var written = await _store.AppendAsync(samples, cancellationToken).ConfigureAwait(false);

            // Committed: from here on nothing may be skipped, cancellation included.
            _windows.Apply(samples);
            Statistics.RecordAccepted(written, CountValues(samples));
            return new IngestResult(written, _windows.ServerCount, _windows.ReadyCount);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static long CountValues(IReadOnlyList<MetricSample> samples)
    {
        long count = 0;
        foreach (var sample in samples)
        {
            foreach (var value in sample.Values)
            {
                if (!double.IsNaN(value))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
