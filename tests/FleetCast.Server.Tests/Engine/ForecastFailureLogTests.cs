using FleetCast.Core.Diagnostics;
using FleetCast.Server.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Engine;

public sealed class ForecastFailureLogTests
{
    private const string NativeMessage = "Expected false to be true, but got false.  (Could this error message be improved?)\n" +
        "Exception raised from toFloat at /libtorch/c10/core/Scalar.h:89 (most recent call first):\nframe #0: c10::Error::Error(...) + 0x9c (0x7f in /opt/libc10.so)";

    [Fact]
    public void Record_FailureEveryStep_OneWarningAMinuteCountingTheRest_FramesOnlyAtDebug()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        var logger = new RecordingLogger();
        var log = new ForecastFailureLog(logger, time);
        var error = "tft: " + FirstLine.Of(NativeMessage);

        for (var step = 0; step < 12; step++)
        {
            log.Record("tft", 90, "linear-trend", error, new InvalidOperationException(NativeMessage));
            time.Advance(TimeSpan.FromSeconds(10));
        }

        var warnings = logger.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("failed on 90 servers; they are forecast by linear-trend this step (0 more", warnings[0]);
        Assert.Contains("(5 more failures left out", warnings[1]);
        Assert.All(warnings, w => Assert.DoesNotContain("frame #0", w));
        Assert.Contains(logger.Lines, l => l.Level == LogLevel.Debug && l.Exception?.Message == NativeMessage);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception), exception));
    }
}
