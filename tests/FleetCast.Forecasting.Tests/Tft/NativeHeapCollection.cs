namespace FleetCast.Forecasting.Tests.Tft;

/// <summary>Runs the native heap tests after every other test of the assembly, alone: they measure page
/// faults and resident memory of the process, which other tests' tensors (sharing glibc's two arenas,
/// and trimming them after a batch) would move.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NativeHeapCollection
{
    public const string Name = "Native heap, alone";
}
