using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>One batch of TFT inputs.</summary>
/// <param name="Profile">[B] int64 profile index.</param>
/// <param name="Scale">[B, 28] the static window-scale features.</param>
/// <param name="Observed">[B, L, 14] normalised metrics over the look-back.</param>
/// <param name="Known">[B, L + T, 4] time features of look-back and horizon steps.</param>
/// <param name="Seasonal">[B, L + T, 14] normalised metrics one season before each look-back and horizon step.</param>
internal sealed record TftInputs(Tensor Profile, Tensor Scale, Tensor Observed, Tensor Known, Tensor Seasonal) : IDisposable
{
    public void Dispose()
    {
        Profile.Dispose();
        Scale.Dispose();
        Observed.Dispose();
        Known.Dispose();
        Seasonal.Dispose();
    }
}
