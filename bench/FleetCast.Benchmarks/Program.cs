using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// Run with: dotnet run -c Release --project bench/FleetCast.Benchmarks -- --filter '*'
// Add --in-process to run every job (the classes' own SimpleJob settings included) inside this process
// instead of building a separate executable per job: much faster to start on a busy machine.
// Loopback load drivers (HTTP) are separate commands: see docs/performance.md.
const string InProcessFlag = "--in-process";
if (args.Length >= 1 && args[0] == FleetCast.Benchmarks.TftServingMemory.Flag)
{
    FleetCast.Benchmarks.TftServingMemory.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 90);
    return;
}

if (args.Length >= 1 && args[0] == FleetCast.Benchmarks.AlertDeliveryBench.Flag)
{
    FleetCast.Benchmarks.AlertDeliveryBench.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000);
    return;
}

if (args.Length >= 1 && args[0] == FleetCast.Benchmarks.CascadeQualityBench.Flag)
{
    FleetCast.Benchmarks.CascadeQualityBench.Run(
        args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 90,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
        args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1);
    return;
}

var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
if (args.Contains(InProcessFlag))
{
    config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsMutator());
    args = [.. args.Where(a => a != InProcessFlag)];
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
