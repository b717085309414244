namespace FleetCast.Forecasting.Tests.Tft;

/// <summary>TorchSharp's random generator and thread count are process-wide, so the TFT tests run one
/// at a time (they still run in parallel with the other test classes, which do not use TorchSharp).</summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection
{
    public const string Name = "TorchSharp";
}
