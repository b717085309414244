using FleetCast.Forecasting.Tft;
using FleetCast.Server.Engine;

namespace FleetCast.Server.Api;

/// <summary>GET /api/v1/servers/{name}/explanation: what the TFT looked at and what would change its risk.</summary>
/// <param name="LookbackAttention">Attention of the horizon steps on each look-back step, oldest first.</param>
public sealed record ExplanationResponse(
    string Server,
    long Version,
    DateTimeOffset DataTime,
    string Forecaster,
    double RiskScore,
    IReadOnlyList<FeatureImportance> StaticImportance,
    IReadOnlyList<FeatureImportance> EncoderImportance,
    IReadOnlyList<FeatureImportance> DecoderImportance,
    IReadOnlyList<double> LookbackAttention,
    double HorizonAttentionShare,
    IReadOnlyList<CounterfactualResult> Counterfactuals)
{
    public static ExplanationResponse From(ServerExplanation explanation, DateTimeOffset dataTime, string forecaster) => new(
        explanation.Server,
        explanation.Version,
        dataTime,
        forecaster,
        explanation.RiskScore,
        explanation.StaticImportance,
        explanation.EncoderImportance,
        explanation.DecoderImportance,
        explanation.LookbackAttention,
        explanation.HorizonAttentionShare,
        explanation.Counterfactuals);
}
