using FleetCast.Core.Datasets;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Evaluation;

namespace FleetCast.Server.Retraining;

/// <summary>Scores a forecaster on the held-out part of a dataset with the evaluation's own code
/// (<see cref="ForecastEvaluator"/>: pinball and 80 % coverage on look-back-normalised values), so the
/// candidate and the serving model are judged by the same rule on the same points.</summary>
public static class HeldOutScorer
{
    /// <param name="dataset">The held-out steps, preceded by <paramref name="historySteps"/> steps of history.</param>
    /// <param name="historySteps">Steps of history each origin's window holds (at least the forecaster's need).</param>
    public static HeldOutScore Score(IForecaster forecaster, FleetDataset dataset, int historySteps, int horizonSteps, int originStride,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentNullException.ThrowIfNull(dataset);
        var evaluator = new ForecastEvaluator(new EvaluationOptions
        {
            LookbackSteps = historySteps,
            HorizonSteps = horizonSteps,
            OriginStride = originStride,
        });
        var report = evaluator.Evaluate(dataset, [forecaster], cancellationToken: cancellationToken);
        var score = report.Forecasters[0];
        return new HeldOutScore(forecaster.Name, score.PinballMean, score.Coverage80, report.Origins, report.Servers,
            dataset.TimeOf(historySteps - 1), dataset.TimeOf(dataset.Steps - 1));
    }
}
