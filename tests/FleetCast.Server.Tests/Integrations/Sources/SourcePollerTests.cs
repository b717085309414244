using FleetCast.Core.Metrics;
using FleetCast.Core.Samples;
using FleetCast.Server.Ingest;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;
using Microsoft.Extensions.Logging;

namespace FleetCast.Server.Tests.Integrations.Sources;

public sealed class SourcePollerTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task ReadOnce_FailuresThenSuccess_LogsOncePerStateChangeAndIngestsTheSample()
    {
        // Arrange
        var source = new ScriptedSource(failures: 3);
        var board = new SourceStatusBoard([source]);
        var ingest = new RecordingIngest();
        var logger = new RecordingLogger();
        var poller = new SourcePoller(board, ingest, new SampleValidator(), new SourcesOptions(), new FixedTime(Now), logger);
        var tracker = board.Trackers[0];

        // Act
        var failures = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            failures.Add(await poller.ReadOnceAsync(tracker, CancellationToken.None));
        }

        // Assert
        Assert.Equal([1, 2, 3, 0], failures);
        Assert.Equal([LogLevel.Warning, LogLevel.Information], logger.Levels);
        var status = tracker.Status();
        Assert.Equal("up", status.State);
        Assert.Equal(0, status.ConsecutiveFailures);
        Assert.Equal("connection refused", status.LastError);
        var sample = Assert.Single(ingest.Samples);
        Assert.Equal(42, sample[Metric.MemUsedPct]);
        Assert.True(double.IsNaN(sample[Metric.JavaCpuPct]));
    }

    [Fact]
    public async Task ReadOnce_SampleFailsValidation_SourceIsDownWithTheReason()
    {
        var source = new ScriptedSource(failures: 0, memory: 140);
        var board = new SourceStatusBoard([source]);
        var ingest = new RecordingIngest();
        var poller = new SourcePoller(board, ingest, new SampleValidator(), new SourcesOptions(), new FixedTime(Now), new RecordingLogger());

        var failures = await poller.ReadOnceAsync(board.Trackers[0], CancellationToken.None);

        Assert.Equal(1, failures);
        Assert.Empty(ingest.Samples);
        Assert.Contains("mem_used_pct must be between 0 and 100", board.Trackers[0].Status().LastError, StringComparison.Ordinal);
    }

    private sealed class ScriptedSource(int failures, double memory = 42) : IMetricSource
    {
        private int _reads;

        public string Name => "scripted";

        public string Kind => "node_exporter";

        public Uri Url { get; } = new("http://127.0.0.1:1/metrics");

        public Task<IReadOnlyList<MetricSample>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (_reads++ < failures)
            {
                throw new HttpRequestException("connection refused");
            }

            var values = MetricSample.EmptyValues();
            values[(int)Metric.MemUsedPct] = memory;
            return Task.FromResult<IReadOnlyList<MetricSample>>([new MetricSample(Name, now, null, values)]);
        }
    }

    private sealed class RecordingIngest : IIngestService
    {
        public List<MetricSample> Samples { get; } = [];

        public Task<IngestResult> IngestAsync(IReadOnlyList<MetricSample> samples, CancellationToken cancellationToken = default)
        {
            Samples.AddRange(samples);
            return Task.FromResult(new IngestResult(samples.Count, 1, 0));
        }
    }

    private sealed class RecordingLogger : ILogger<SourcePoller>
    {
        public List<LogLevel> Levels { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Levels.Add(logLevel);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
