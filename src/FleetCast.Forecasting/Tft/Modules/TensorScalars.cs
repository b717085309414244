using TorchSharp;
using static TorchSharp.torch;

namespace FleetCast.Forecasting.Tft.Modules;

/// <summary>Elementwise operations for the network. Long training runs died after minutes with
/// "Exception raised from toFloat at c10/core/Scalar.h" inside operations that take a native
/// <see cref="Scalar"/> (ELU's alpha, the alpha of tensor addition), even with scalars held in static
/// fields. While gradients are recorded (training) these helpers pass no Scalar at all: addition is
/// subtraction of the negation, ELU is max(x, expm1(min(x, 0))). Under no_grad (serving, evaluation,
/// validation) they work in place on the first operand, which is always a fresh intermediate, because
/// the Scalar-free forms cost about three times as much memory traffic.
/// In place, addition passes <see cref="One"/> as its alpha rather than TorchSharp's implicit <c>1</c>: the
/// implicit Scalar is a fresh finalizable object that nothing references once its handle is read, so a
/// collection on another thread could free it while libtorch reads it (measured: 1 failure in 180,000
/// <c>add_</c> calls with a thread collecting garbage beside them; live, a whole forecast batch failed).</summary>
internal static class TensorScalars
{
    private static readonly Tensor Zero = torch.tensor(0f).DetachFromDisposeScope();

    // Rooted for the life of the process, so never finalized; Scalars join no dispose scope.
    private static readonly Scalar One = 1f.ToScalar();

    /// <summary>a + b; under no_grad <paramref name="a"/> is overwritten.</summary>
    public static Tensor Add(Tensor a, Tensor b) => torch.is_grad_enabled() ? a.sub(b.neg()) : AddInPlace(a, b);

    /// <summary>a += b (a must be an intermediate that autograd does not need, e.g. a product's result).</summary>
    public static Tensor AddInPlace(Tensor a, Tensor b) => a.add_(b, One);

    /// <summary>ELU with α = 1.</summary>
    public static Tensor Elu(Tensor x) => torch.is_grad_enabled()
        ? torch.maximum(x, torch.minimum(x, Zero).expm1())
        : torch.maximum(x, torch.minimum(x, Zero).expm1_());

    /// <summary>softplus(x) = relu(x) + log1p(exp(−|x|)), stable for large |x|.</summary>
    public static Tensor Softplus(Tensor x) => Add(x.relu(), x.abs().neg().exp().log1p());
}
