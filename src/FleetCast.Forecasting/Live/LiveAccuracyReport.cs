using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Forecasting.Live;

/// <summary>Accuracy of live forecasts scored against what happened, per forecaster and horizon bucket.</summary>
/// <param name="KeptOrigins">Forecast origins held until they mature.</param>
/// <param name="KeptForecasts">Server forecasts held across those origins.</param>
/// <param name="KeptBytes">Approximate memory of the held forecasts.</param>
public sealed record LiveAccuracyReport(
    int StepSeconds,
    int HorizonSteps,
    int OriginEverySteps,
    int HorizonSampleEvery,
    int MinMaturedPoints,
    int KeptOrigins,
    int KeptForecasts,
    long KeptBytes,
    IReadOnlyList<HorizonBucket> Buckets,
    IReadOnlyList<LiveForecasterAccuracy> Forecasters);

/// <param name="Overall">All matured points of this forecaster, every horizon bucket together.</param>
public sealed record LiveForecasterAccuracy(string Name, LiveBucketAccuracy Overall, IReadOnlyList<LiveBucketAccuracy> Buckets);

/// <summary>Scores of one forecaster over one horizon bucket; null where no point has matured.</summary>
/// <param name="MaturedPoints">Scored (server, metric, origin, step) points.</param>
/// <param name="Sufficient">At least <see cref="LiveAccuracyReport.MinMaturedPoints"/> points.</param>
/// <param name="PinballMean">Mean of the p10/p50/p90 pinball losses on look-back-normalised values (as in evaluation).</param>
/// <param name="Coverage80">Share of actual values inside [p10, p90].</param>
/// <param name="P50Mae">p50 mean absolute error per metric (wire name), in the metric's own units.</param>
public sealed record LiveBucketAccuracy(
    string Bucket,
    int FromStep,
    int ToStep,
    long MaturedPoints,
    bool Sufficient,
    double? PinballMean,
    PinballLosses? Pinball,
    double? Coverage80,
    IReadOnlyDictionary<string, double> P50Mae);
