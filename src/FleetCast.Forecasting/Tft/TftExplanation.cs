using FleetCast.Core.Forecasts;

namespace FleetCast.Forecasting.Tft;

/// <summary>One input's share of a variable selection network's weight, averaged over time.</summary>
public sealed record FeatureImportance(string Feature, double Weight);

/// <summary>What the TFT looked at for one server's forecast, read from its own internals.</summary>
/// <param name="StaticImportance">Static variable selection weights (sum 1).</param>
/// <param name="EncoderImportance">Look-back variable selection weights averaged over the look-back (sum 1), largest first.</param>
/// <param name="DecoderImportance">Horizon variable selection weights averaged over the horizon (sum 1), largest first.</param>
/// <param name="LookbackAttention">Attention of the horizon steps on each look-back step, oldest first,
/// averaged over heads and horizon steps.</param>
/// <param name="HorizonAttentionShare">The rest of the attention: what horizon steps gave to earlier horizon
/// positions (LookbackAttention sums to 1 minus this).</param>
public sealed record TftExplanation(
    string Server,
    ServerForecast Forecast,
    IReadOnlyList<FeatureImportance> StaticImportance,
    IReadOnlyList<FeatureImportance> EncoderImportance,
    IReadOnlyList<FeatureImportance> DecoderImportance,
    IReadOnlyList<double> LookbackAttention,
    double HorizonAttentionShare);
