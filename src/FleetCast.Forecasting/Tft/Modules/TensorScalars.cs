using TorchSharp;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Scalars passed to native tensor operations, created once and kept reachable. TorchSharp
/// turns a plain <c>double</c> argument into a temporary <see cref="Scalar"/> whose native value the
/// finalizer may free while the call is still running; under the allocation rate of training that
/// crashed runs after minutes with "Exception raised from toFloat at c10/core/Scalar.h".</summary>
internal static class TensorScalars
{
    public static readonly Scalar One = 1.0.ToScalar();

    public static readonly Scalar NegativeInfinity = float.NegativeInfinity.ToScalar();
}
