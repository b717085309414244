using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project bench/FleetCast.Benchmarks -- --filter '*'
// Loopback load drivers (HTTP) are separate commands: see docs/performance.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
