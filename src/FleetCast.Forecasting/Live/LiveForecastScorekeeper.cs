using FleetCast.Core.Forecasts;
using FleetCast.Core.Metrics;
using FleetCast.Forecasting.Data;
using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Forecasting.Live;

/// <summary>Keeps live forecasts until they mature and scores them against what happened, per forecaster
/// and horizon bucket, with the evaluation's maths (<see cref="ScoreAccumulator"/>: pinball on values
/// normalised by the origin's look-back mean and standard deviation, p50 MAE in original units, p10–p90
/// coverage).</summary>
/// <remarks>
/// Memory is bounded: one origin is kept every <see cref="LiveScoreOptions.OriginEverySteps"/> steps, and of
/// each forecast only every <see cref="LiveScoreOptions.HorizonSampleEvery"/>-th horizon step is copied
/// (3 quantiles × 14 metrics × sampled steps, plus 28 normalisation floats). At most
/// ⌈horizon / origin stride⌉ + 1 origins are held; an origin is released as soon as its last sampled step
/// has been scored, and the oldest is dropped if that bound is ever reached.
/// A step is scored once the data time has moved past it (its bucket is then complete); its actual is read
/// from the server's current window, and only if the server has reported since that step (a gap that the
/// window forward-filled is not an actual). Not thread-safe: one caller, once per engine step.
/// Shadow origins (<see cref="KeepShadow"/>) hold several forecasters' forecasts of the same servers from the
/// same origin and are scored into their own table (<see cref="ShadowReport"/>), apart from the serving
/// forecasts, so every forecaster in it is scored on exactly the same (server, metric, step) points.
/// </remarks>
public sealed class LiveForecastScorekeeper
{
    private const int QuantileCount = 3;
    private readonly LiveScoreOptions _options;
    private readonly int[] _sampledSteps;
    private readonly int[] _bucketOfSample;
    private readonly IReadOnlyList<HorizonBucket> _buckets;
    private readonly Queue<KeptOrigin> _origins = new();
    private readonly Queue<KeptOrigin> _shadowOrigins = new();
    private readonly int _capacity;
    private readonly Dictionary<string, ScoreAccumulator[]> _scores = new(StringComparer.Ordinal);
    private readonly List<string> _forecasterOrder = [];
    private readonly Dictionary<string, ScoreAccumulator[]> _shadowScores = new(StringComparer.Ordinal);
    private readonly List<string> _shadowOrder = [];
    private DateTimeOffset? _lastOrigin;

    public LiveForecastScorekeeper(LiveScoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _sampledSteps = SampleSteps(options.HorizonSteps, options.HorizonSampleEvery);
        _buckets = HorizonBucket.Create(options.BucketEndHours, options.StepSeconds, options.HorizonSteps);
        _bucketOfSample = _sampledSteps.Select(h => _buckets.Select((b, i) => (b, i)).First(x => h >= x.b.FromStep && h <= x.b.ToStep).i).ToArray();
        _capacity = ((options.HorizonSteps + options.OriginEverySteps - 1) / options.OriginEverySteps) + 1;
    }

    public LiveScoreOptions Options => _options;

    public IReadOnlyList<HorizonBucket> Buckets => _buckets;

    /// <summary>Horizon steps (1-based) that are kept and scored.</summary>
    public IReadOnlyList<int> SampledSteps => _sampledSteps;

    /// <summary>Most origins ever held at once.</summary>
    public int Capacity => _capacity;

    /// <summary>Origins held, shadow origins included.</summary>
    public int KeptOrigins => _origins.Count + _shadowOrigins.Count;

    /// <summary>Server forecasts held (one per server and forecaster in a shadow origin).</summary>
    public int KeptForecasts => _origins.Sum(o => o.Servers.Length) + _shadowOrigins.Sum(o => o.Servers.Length);

    /// <summary>Approximate bytes held by kept forecasts (arrays only; strings are shared with the snapshot).</summary>
    public long KeptBytes => _origins.Sum(o => o.Bytes) + _shadowOrigins.Sum(o => o.Bytes);

    /// <summary>Matured points scored so far, all forecasters.</summary>
    public long MaturedPoints => _scores.Values.Sum(a => a[^1].Count);

    /// <summary>One engine step: scores every kept step that has matured by <paramref name="dataTime"/>, then
    /// keeps this step's forecasts when an origin is due.</summary>
    public void Observe(DateTimeOffset dataTime, IReadOnlyList<LiveObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        Mature(dataTime, observations);
        if (_lastOrigin is not { } last || dataTime >= last.AddSeconds((double)_options.OriginEverySteps * _options.StepSeconds))
        {
            Keep(dataTime, observations);
        }
    }

    /// <summary>Keeps a shadow origin: forecasts of several forecasters for the same servers, all made at
    /// <paramref name="originTime"/> (an earlier step is fine: its matured steps are scored at the next
    /// <see cref="Observe"/>). Forecasts made at another time are ignored.</summary>
    public void KeepShadow(DateTimeOffset originTime, IReadOnlyList<LiveObservation> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        if (BuildOrigin(originTime, forecasts, shadow: true) is not { } origin)
        {
            return;
        }

        if (_shadowOrigins.Count >= _capacity)
        {
            _shadowOrigins.Dequeue();
        }

        _shadowOrigins.Enqueue(origin);
    }

    /// <summary>The shadow table: every forecaster's score over all its matured shadow points, and
    /// <paramref name="reference"/>'s pinball divided by each other forecaster's (below 1: the reference is better).</summary>
    public LiveShadowReport ShadowReport(string? reference)
    {
        var scored = _shadowOrder.Select(name => (Name: name, Accuracy: Describe("all", 1, _options.HorizonSteps, _shadowScores[name][^1]))).ToList();
        var referencePinball = scored.FirstOrDefault(x => x.Name == reference).Accuracy?.PinballMean;
        var referenceSufficient = scored.FirstOrDefault(x => x.Name == reference).Accuracy?.Sufficient ?? false;
        var rows = scored.Select(x => new LiveShadowForecaster(x.Name, x.Name == reference, x.Accuracy.MaturedPoints, x.Accuracy.Sufficient,
            x.Accuracy.PinballMean, x.Accuracy.Coverage80, x.Name == reference ? null : Ratio(referencePinball, x.Accuracy.PinballMean))).ToArray();
        var best = rows.Where(r => !r.IsReference && r.PinballMean is not null).MinBy(r => r.PinballMean);
        return new LiveShadowReport(reference, rows, best?.Name, best?.ReferenceRatio, referenceSufficient && best is { Sufficient: true });
    }

    private static double? Ratio(double? reference, double? other) =>
        reference is { } r && other is { } o && o > 0 && double.IsFinite(r / o) ? r / o : null;

    public LiveAccuracyReport Report()
    {
        var forecasters = _forecasterOrder.Select(name =>
        {
            var accumulators = _scores[name];
            var buckets = _buckets.Select((b, i) => Describe(b.Label, b.FromStep, b.ToStep, accumulators[i])).ToArray();
            var overall = Describe("all", 1, _options.HorizonSteps, accumulators[^1]);
            return new LiveForecasterAccuracy(name, overall, buckets);
        }).ToArray();
        return new LiveAccuracyReport(_options.StepSeconds, _options.HorizonSteps, _options.OriginEverySteps, _options.HorizonSampleEvery,
            _options.MinMaturedPoints, KeptOrigins, KeptForecasts, KeptBytes, _buckets, forecasters);
    }

    internal static int[] SampleSteps(int horizon, int every)
    {
        var steps = new List<int>();
        for (var h = every; h <= horizon; h += every)
        {
            steps.Add(h);
        }

        if (steps.Count == 0 || steps[^1] != horizon)
        {
            steps.Add(horizon);
        }

        return [.. steps];
    }

    private LiveBucketAccuracy Describe(string label, int from, int to, ScoreAccumulator accumulator)
    {
        if (accumulator.Count == 0)
        {
            return new LiveBucketAccuracy(label, from, to, 0, false, null, null, null, new Dictionary<string, double>());
        }

        var pinball = accumulator.Pinball();
        return new LiveBucketAccuracy(label, from, to, accumulator.Count, accumulator.Count >= _options.MinMaturedPoints,
            (pinball.P10 + pinball.P50 + pinball.P90) / 3, pinball, accumulator.Coverage, accumulator.P50Mae());
    }

    private void Mature(DateTimeOffset dataTime, IReadOnlyList<LiveObservation> observations)
    {
        Dictionary<string, LiveObservation>? byServer = null;
        Mature(_origins, dataTime, observations, ref byServer);
        Mature(_shadowOrigins, dataTime, observations, ref byServer);
    }

    private void Mature(Queue<KeptOrigin> origins, DateTimeOffset dataTime, IReadOnlyList<LiveObservation> observations, ref Dictionary<string, LiveObservation>? byServer)
    {
        foreach (var origin in origins)
        {
            while (origin.Next < _sampledSteps.Length && TargetTime(origin, origin.Next) < dataTime)
            {
                byServer ??= Index(observations);
                ScoreSample(origin, origin.Next, byServer);
                origin.Next++;
            }
        }

        while (origins.Count > 0 && origins.Peek().Next >= _sampledSteps.Length)
        {
            origins.Dequeue();
        }
    }

    private static Dictionary<string, LiveObservation> Index(IReadOnlyList<LiveObservation> observations)
    {
        var byServer = new Dictionary<string, LiveObservation>(observations.Count, StringComparer.Ordinal);
        foreach (var observation in observations)
        {
            byServer[observation.Window.Server] = observation;
        }

        return byServer;
    }

    private DateTimeOffset TargetTime(KeptOrigin origin, int sample) => origin.Time.AddSeconds((double)_sampledSteps[sample] * _options.StepSeconds);

    private void ScoreSample(KeptOrigin origin, int sample, Dictionary<string, LiveObservation> byServer)
    {
        var target = TargetTime(origin, sample);
        var bucket = _bucketOfSample[sample];
        var samples = _sampledSteps.Length;
        for (var s = 0; s < origin.Servers.Length; s++)
        {
            if (!byServer.TryGetValue(origin.Servers[s], out var now) || now.LastSeen < target)
            {
                continue;
            }

            var window = now.Window;
            var row = window.Length - 1 - (int)((window.LastStepTime - target).TotalSeconds / _options.StepSeconds);
            if (row < 0 || row >= window.Length)
            {
                continue;
            }

            var accumulators = origin.Shadow ? Accumulators(_shadowScores, _shadowOrder, origin.Forecasters[s]) : Accumulators(_scores, _forecasterOrder, origin.Forecasters[s]);
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var n = (s * MetricCatalog.Count) + m;
                if (!origin.Observed[n] || !window.Observed[m])
                {
                    continue;
                }

                var actual = window[row, (Metric)m];
                if (!float.IsFinite(actual))
                {
                    continue;
                }

                var mean = origin.Mean[n];
                var std = origin.Std[n];
                var baseIndex = ((s * QuantileCount * MetricCatalog.Count) + m) * samples + sample;
                var p10 = origin.Values[baseIndex];
                var p50 = origin.Values[baseIndex + (MetricCatalog.Count * samples)];
                var p90 = origin.Values[baseIndex + (2 * MetricCatalog.Count * samples)];
                var yNorm = (actual - mean) / std;
                var p10Norm = (p10 - mean) / std;
                var p50Norm = (p50 - mean) / std;
                var p90Norm = (p90 - mean) / std;
                accumulators[bucket].Add(m, yNorm, p10Norm, p50Norm, p90Norm, actual, p50);
                accumulators[^1].Add(m, yNorm, p10Norm, p50Norm, p90Norm, actual, p50);
            }
        }
    }

    private ScoreAccumulator[] Accumulators(Dictionary<string, ScoreAccumulator[]> scores, List<string> order, string forecaster)
    {
        if (!scores.TryGetValue(forecaster, out var accumulators))
        {
            accumulators = new ScoreAccumulator[_buckets.Count + 1];
            for (var i = 0; i < accumulators.Length; i++)
            {
                accumulators[i] = new ScoreAccumulator();
            }

            scores[forecaster] = accumulators;
            order.Add(forecaster);
        }

        return accumulators;
    }

    private void Keep(DateTimeOffset dataTime, IReadOnlyList<LiveObservation> observations)
    {
        if (BuildOrigin(dataTime, observations, shadow: false) is not { } origin)
        {
            return;
        }

        if (_origins.Count >= _capacity)
        {
            _origins.Dequeue();
        }

        _origins.Enqueue(origin);
        _lastOrigin = dataTime;
    }

    private KeptOrigin? BuildOrigin(DateTimeOffset dataTime, IReadOnlyList<LiveObservation> observations, bool shadow)
    {
        var kept = new List<(LiveObservation Observation, int Q10, int Q50, int Q90)>(observations.Count);
        foreach (var observation in observations)
        {
            // Only forecasts made at this step (a stale server's older forecast is not a new origin).
            if (observation.Forecast is { } forecast && forecast.OriginTime == dataTime && forecast.HorizonSteps >= _options.HorizonSteps
                && TryIndex(forecast, 0.1, out var q10) && TryIndex(forecast, 0.5, out var q50) && TryIndex(forecast, 0.9, out var q90))
            {
                kept.Add((observation, q10, q50, q90));
            }
        }

        if (kept.Count == 0)
        {
            return null;
        }

        var samples = _sampledSteps.Length;
        var count = kept.Count;
        var origin = new KeptOrigin(dataTime, new string[count], new string[count], new float[count * QuantileCount * MetricCatalog.Count * samples],
            new float[count * MetricCatalog.Count], new float[count * MetricCatalog.Count], new bool[count * MetricCatalog.Count], shadow);
        for (var s = 0; s < count; s++)
        {
            var (observation, q10, q50, q90) = kept[s];
            var forecast = observation.Forecast!;
            var window = observation.Window;
            origin.Servers[s] = window.Server;
            origin.Forecasters[s] = forecast.Forecaster;
            var lookback = Math.Min(_options.LookbackSteps, window.Length);
            var normalizer = WindowNormalizer.Fit(window.Values.AsSpan((window.Length - lookback) * MetricCatalog.Count, lookback * MetricCatalog.Count));
            for (var m = 0; m < MetricCatalog.Count; m++)
            {
                var n = (s * MetricCatalog.Count) + m;
                origin.Mean[n] = normalizer.Mean[m];
                origin.Std[n] = normalizer.Std[m];
                origin.Observed[n] = window.Observed[m] && !CounterProjection.IsProjected((Metric)m);
                CopySamples(forecast.Series(q10, (Metric)m), origin.Values, (((s * QuantileCount) + 0) * MetricCatalog.Count + m) * samples);
                CopySamples(forecast.Series(q50, (Metric)m), origin.Values, (((s * QuantileCount) + 1) * MetricCatalog.Count + m) * samples);
                CopySamples(forecast.Series(q90, (Metric)m), origin.Values, (((s * QuantileCount) + 2) * MetricCatalog.Count + m) * samples);
            }
        }

        return origin;
    }

    private void CopySamples(ReadOnlySpan<float> series, float[] target, int offset)
    {
        for (var i = 0; i < _sampledSteps.Length; i++)
        {
            target[offset + i] = series[_sampledSteps[i] - 1];
        }
    }

    private static bool TryIndex(ServerForecast forecast, double quantile, out int index)
    {
        for (var i = 0; i < forecast.Quantiles.Length; i++)
        {
            if (Math.Abs(forecast.Quantiles[i] - quantile) < 1e-9)
            {
                index = i;
                return true;
            }
        }

        index = -1;
        return false;
    }

    /// <summary>The forecasts of one origin, server-major: values [server][quantile][metric][sample].</summary>
    private sealed class KeptOrigin(DateTimeOffset time, string[] servers, string[] forecasters, float[] values, float[] mean, float[] std, bool[] observed, bool shadow)
    {
        /// <summary>True for a shadow origin, scored into the shadow table.</summary>
        public bool Shadow { get; } = shadow;

        public DateTimeOffset Time { get; } = time;

        public string[] Servers { get; } = servers;

        public string[] Forecasters { get; } = forecasters;

        public float[] Values { get; } = values;

        public float[] Mean { get; } = mean;

        public float[] Std { get; } = std;

        public bool[] Observed { get; } = observed;

        /// <summary>Index into the sampled steps of the next one to score.</summary>
        public int Next { get; set; }

        public long Bytes => ((long)Values.Length * sizeof(float)) + ((long)(Mean.Length + Std.Length) * sizeof(float)) + Observed.Length
            + ((long)(Servers.Length + Forecasters.Length) * IntPtr.Size);
    }
}
