using FleetCast.Forecasting.Tft.Modules;
using TorchSharp;

namespace FleetCast.Forecasting.Tests.Tft;

/// <summary>TorchSharp's implicit Scalars (the alpha of <c>add_</c>) are finalizable objects that nothing keeps
/// alive during the native call: a collection on another thread could free one mid-call, which libtorch then
/// reported as "Expected false to be true … toFloat" and a failed forecast of the whole batch. With the
/// implicit alpha this loop failed 3 times in 93,000 calls in 4 s.</summary>
[Collection(TorchCollection.Name)]
public sealed class ScalarLifetimeTests
{
    [Fact]
    public void AddInPlace_WhileAnotherThreadCollectsGarbage_NeverFails()
    {
        using var a = torch.zeros(4);
        using var b = torch.ones(4);
        var stop = false;
        var collector = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                GC.Collect(0);
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();

        var failures = new List<string>();
        var calls = 0;
        var deadline = DateTime.UtcNow.AddSeconds(6);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                TensorScalars.AddInPlace(a, b);
                calls++;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                failures.Add(exception.Message.Split('\n')[0]);
            }
        }

        Volatile.Write(ref stop, true);
        collector.Join();
        Assert.True(calls > 10_000, $"only {calls} calls");
        Assert.Empty(failures);
        Assert.Equal(calls, a[0].ToSingle());
    }

    [Fact]
    public void ScalarCreatedInsideADisposeScope_OutlivesTheScope()
    {
        Scalar scalar;
        using (torch.NewDisposeScope())
        {
            scalar = 1f.ToScalar();
        }

        // TensorScalars' static Scalar stays valid whichever scope first touched its class.
        Assert.Equal(1f, scalar.ToSingle());
    }
}
