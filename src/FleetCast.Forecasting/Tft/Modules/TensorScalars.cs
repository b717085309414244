using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Elementwise operations written without <see cref="TorchSharp.Scalar"/> arguments. Long
/// training runs died after minutes with "Exception raised from toFloat at c10/core/Scalar.h" inside
/// operations that take a Scalar (ELU's alpha, the alpha of tensor addition), even with scalars held
/// in static fields; subtraction of two tensors passes no Scalar to the native side, so the network
/// adds by subtracting the negation.</summary>
internal static class TensorScalars
{
    /// <summary>a + b.</summary>
    public static Tensor Add(Tensor a, Tensor b) => a.sub(b.neg());

    /// <summary>ELU with α = 1: relu(x) + expm1(−relu(−x)).</summary>
    public static Tensor Elu(Tensor x) => x.relu().sub(x.neg().relu().neg().expm1().neg());

    /// <summary>softplus(x) = relu(x) + log1p(exp(−|x|)), stable for large |x|.</summary>
    public static Tensor Softplus(Tensor x) => x.relu().sub(x.abs().neg().exp().log1p().neg());
}
