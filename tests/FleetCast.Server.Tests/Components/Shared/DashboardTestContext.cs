using Bunit;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Components.Services;
using FleetCast.Server.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Components.Shared;

/// <summary>bUnit context with the dashboard's services: a fake snapshot source, a fake clock and the
/// chart module in loose mode (calls are recorded for assertions).</summary>
public abstract class DashboardTestContext : BunitContext
{
    protected DashboardTestContext()
    {
        Services.AddSingleton<ISnapshotSource>(Source);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(ThresholdTable.Default);
        Services.AddSingleton(ScoringOptions.Default);
        Services.AddSingleton(ProfileRules.Default);
        Services.AddScoped<ChartModule>();
        Services.AddSingleton<SnapshotViewCache>();
        JSInterop.Mode = JSRuntimeMode.Loose;
        ChartJs = JSInterop.SetupModule(ChartModule.Path);
        ChartJs.Mode = JSRuntimeMode.Loose;
    }

    protected FakeSnapshotSource Source { get; } = new();

    protected FakeTimeProvider Time { get; } = new(TestSnapshots.DataTime.AddSeconds(5));

    protected BunitJSModuleInterop ChartJs { get; }

    /// <summary>xUnit 2 disposes test classes synchronously; the chart module is async-disposable only.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        base.Dispose(disposing);
    }
}
