using Bunit;
using FleetCast.Core.Alerts;
using FleetCast.Core.Profiles;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Dashboard.Services;
using FleetCast.Server.Alerting;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FleetCast.Server.Tests.Dashboard.Shared;

/// <summary>bUnit context with the dashboard's services: a fake snapshot source, a fake clock and the
/// chart module in loose mode (calls are recorded for assertions).</summary>
public abstract class DashboardTestContext : BunitContext
{
    private bool _rendererInfoSet;

    static DashboardTestContext()
    {
        // Tabs read their stores on the thread pool; with the test run's other assemblies and a browser
        // on two cores, one second (bUnit's default) is sometimes not enough for that read to be scheduled.
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
    }

    protected DashboardTestContext()
    {
        Services.AddSingleton<ISnapshotSource>(Source);
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(ThresholdTable.Default);
        Services.AddSingleton(ScoringOptions.Default);
        Services.AddSingleton(AlertRuleOptions.Default);
        Services.AddSingleton(ProfileRules.Default);
        Services.AddScoped<ChartModule>();
        Services.AddSingleton(Forecasters);
        Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new FleetCastOptions()));
        Services.AddSingleton<ServerExplanations>();
        Services.AddSingleton<InsightsService>();
        Services.AddSingleton<IAlertActionStore>(ActionStore);
        Services.AddSingleton(_ => new AlertActions(ActionStore, Source, Time));
        Services.AddSingleton<SnapshotViewCache>();
        Services.AddSingleton<StaticHtml>();
        Services.AddSingleton(UpdateDelays);
        JSInterop.Mode = JSRuntimeMode.Loose;
        ChartJs = JSInterop.SetupModule(ChartModule.Path);
        ChartJs.Mode = JSRuntimeMode.Loose;
    }

    protected FakeSnapshotSource Source { get; } = new();

    protected DashboardUpdateDelays UpdateDelays { get; } = new();

    /// <summary>Render as the prerendered page (no circuit yet) instead of a live circuit.</summary>
    protected bool Prerendering { get; set; }

    /// <summary>Sets the renderer's <see cref="RendererInfo"/> on the first render, not in the constructor:
    /// setting it builds the service provider, after which derived tests could not add services.</summary>
    public override IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameterBuilder = null)
    {
        if (!_rendererInfoSet)
        {
            SetRendererInfo(Prerendering ? new RendererInfo("Static", isInteractive: false) : new RendererInfo("Server", isInteractive: true));
            _rendererInfoSet = true;
        }

        return base.Render(parameterBuilder);
    }

    /// <summary>The engine's forecasters as the Insights tab sees them: a baseline until a test swaps in a TFT.</summary>
    protected ForecasterSet Forecasters { get; } = new(new FakeForecaster("linear-trend"), new FakeForecaster("fake-warmup"));

    protected FakeTimeProvider Time { get; } = new(TestSnapshots.DataTime.AddSeconds(5));

    protected BunitJSModuleInterop ChartJs { get; }

    protected InMemoryAlertActionStore ActionStore { get; } = new();

    protected AlertActions Actions => Services.GetRequiredService<AlertActions>();

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
