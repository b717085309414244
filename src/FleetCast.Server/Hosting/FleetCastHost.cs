using System.Net;
using FleetCast.Core.Alerts;
using FleetCast.Core.Scenarios;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Server.Alerting;
using FleetCast.Server.Api;
using FleetCast.Server.Auth;
using FleetCast.Server.Costs;
using FleetCast.Server.Engine;
using FleetCast.Server.Ingest;
using FleetCast.Server.Integrations;
using FleetCast.Server.Integrations.Prometheus;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using FleetCast.Server.Retraining;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace FleetCast.Server.Hosting;

/// <summary>The one composition root of the FleetCast server: options and shared services, then one <c>AddFleetCastX</c> per
/// subsystem (storage, ingest, engine, alerting, integrations, auth, API), then the hosted services in their start order,
/// plus the modules it is given (the dashboard at "/"). Singletons for stores and the engine; seams that tests
/// or other parts replace are registered with TryAdd after <c>configure</c> runs.</summary>
public static class FleetCastHost
{
    /// <param name="scenario">The in-process simulator's scenario control, if any (the CLI wires it).</param>
    /// <param name="configure">Runs first, so its registrations win over the defaults (tests, the CLI's feeder, the model work).</param>
    /// <param name="modules">Parts served beside the API, registered after the host's services and mapped after its endpoints (the CLI passes the dashboard).</param>
    public static WebApplication Build(FleetCastOptions options, IScenarioControl? scenario = null, Action<IServiceCollection>? configure = null,
        string[]? args = null, IReadOnlyList<IFleetCastModule>? modules = null)
    {
        modules ??= [];
        var errors = FleetCastOptionsValidator.Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(FleetCastOptions), typeof(FleetCastOptions), errors);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var port = options.Server.Port;
            switch (options.Server.Bind)
            {
                case "*" or "0.0.0.0":
                    kestrel.ListenAnyIP(port);
                    break;
                case "localhost":
                    kestrel.Listen(IPAddress.Loopback, port);
                    break;
                default:
                    kestrel.Listen(IPAddress.Parse(options.Server.Bind), port);
                    break;
            }

            // Ingest enforces Ingest:MaxBodyBytes itself (413 problem details); Kestrel's cap is only a backstop.
            kestrel.Limits.MaxRequestBodySize = Math.Max(options.Ingest.MaxBodyBytes * 2, 32L * 1024 * 1024);
        });

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder.Services);
        AddFleetCast(builder.Services, options, scenario);
        foreach (var module in modules)
        {
            module.AddServices(builder.Services);
        }

        var app = builder.Build();
        try
        {
            MapFleetCast(app);
            foreach (var module in modules)
            {
                module.Map(app);
            }
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }

        return app;
    }

    public static IServiceCollection AddFleetCast(IServiceCollection services, FleetCastOptions options, IScenarioControl? scenario)
    {
        services.AddOptions<FleetCastOptions>()
            .Configure(o =>
            {
                o.Server = options.Server;
                o.Forecast = options.Forecast;
                o.Ingest = options.Ingest;
                o.Simulator = options.Simulator;
                o.Retention = options.Retention;
                o.Auth = options.Auth;
                o.Alerting = options.Alerting;
                o.PredictionMetrics = options.PredictionMetrics;
                o.Sources = options.Sources;
                o.Remediation = options.Remediation;
                o.Retraining = options.Retraining;
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FleetCastOptions>, FleetCastOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ =>
        {
            var registry = Metrics.NewCustomRegistry();
            // process_* and dotnet_* series: CPU, resident memory, managed heap, GC counts, threads.
            DotNetStats.Register(registry);
            GcLiveHeapMetric.Register(registry);
            return registry;
        });
        services.TryAddSingleton(ThresholdTable.Default);
        services.TryAddSingleton(ScoringOptions.Default);
        services.TryAddSingleton(AlertRuleOptions.Default);
        if (scenario is not null)
        {
            services.TryAddSingleton(scenario);
        }

        services.AddFleetCastStorage(options);
        services.AddFleetCastWindows(options);
        AddStorageServices(services);
        services.AddFleetCastIngest(options);
        services.AddFleetCastEngine(options);
        services.AddFleetCastRetraining(options);
        services.AddFleetCastAlerting(options.Alerting);
        services.AddFleetCastIntegrations(options);
        services.AddFleetCastAuth(options.Auth);
        services.AddFleetCastApi();
        services.AddFleetCastCosts(options);
        services.AddFleetCastRemediation(options.Remediation);
        AddHostedServices(services);
        return services;
    }

    /// <summary>The host's side of storage: start-up (open + rebuild windows), readiness, metrics, retention.</summary>
    private static void AddStorageServices(IServiceCollection services)
    {
        services.TryAddSingleton<StorageReadiness>();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton<StorageStartup>();
        services.TryAddSingleton<RetentionService>();
    }

    /// <summary>The hosted services, in their one start order.</summary>
    /// <remarks>Hosted services start in registration order and stop in reverse; the web server (Kestrel) is
    /// started after them and stopped before them. The convention on the way down is: stop taking data in
    /// (HTTP ingest, sources, the simulator feeder), then the engine, then remediation, then drain alert delivery,
    /// then close storage. So, in start order:
    ///   storage startup (open + rebuild windows) → alert delivery → remediation → engine → retention → forecast scoring
    ///   → retraining (registers the serving model; automatic trigger) → hosted services `configure` added (the CLI's simulator feeder) → sources → Kestrel,
    /// and on stop: Kestrel (no more HTTP ingest) → sources → feeder (no more simulated ingest) → retraining (a running job is
    /// cancelled; the serving model stays) → forecast
    /// scoring (unsubscribes before the engine stops) → retention → engine (finishes its current step) →
    /// remediation (finishes the action it runs) → alert delivery (finishes its current send, so the engine's last transitions are already in the
    /// outbox; the rest stays pending on disk) → storage startup; then the container disposes the SQLite
    /// database, closing storage last. Every accepted batch was committed before it was acknowledged, so
    /// there is nothing left to flush.</remarks>
    private static void AddHostedServices(IServiceCollection services)
    {
        // `configure` ran first (so its registrations win over the defaults); its hosted services are taken
        // out here and put back at their place in the order below.
        var configured = services.Where(d => d.ServiceType == typeof(IHostedService)).ToList();
        foreach (var descriptor in configured)
        {
            services.Remove(descriptor);
        }

        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<StorageStartup>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<AlertDeliveryWorker>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RemediationWorker>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SnapshotEngine>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RetentionService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ModelQualityTracker>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<RetrainingService>());
        foreach (var descriptor in configured)
        {
            services.Add(descriptor);
        }

        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<SourcePoller>());
    }

    public static WebApplication MapFleetCast(WebApplication app)
    {
        // Opened here, before any hosted service starts: a damaged database stops the start with one
        // StorageCorruptException (for the CLI to print) instead of a host start-up failure with a stack trace.
        app.Services.GetRequiredService<SqliteDatabase>();
        app.Services.GetRequiredService<StorageReadiness>();
        var registry = app.Services.GetRequiredService<CollectorRegistry>();
        // Created now so their series are on /metrics from the first scrape.
        app.Services.GetRequiredService<IngestMetrics>();
        app.Services.GetRequiredService<EngineMetrics>();
        app.Services.GetRequiredService<PredictionMetrics>();
        app.Services.GetRequiredService<StorageMetrics>();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLoopbackHostGuard(app.Services.GetRequiredService<IOptions<FleetCastOptions>>().Value.Server.Bind);
        app.UseResponseCompression();
        app.UseHttpMetrics(http =>
        {
            http.RequestCount.Registry = registry;
            http.RequestDuration.Registry = registry;
            http.InProgress.Registry = registry;
        });
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseSingleQueryValues();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapMetrics("/metrics", registry);
        app.MapSignInEndpoints();
        app.MapIngestEndpoints();
        app.MapFleetEndpoints();
        app.MapServerEndpoints();
        app.MapAlertEndpoints();
        app.MapAlertActionEndpoints();
        app.MapAlertingEndpoints();
        app.MapStatusEndpoints();
        app.MapStreamEndpoints();
        app.MapAdminEndpoints();
        app.MapModelEndpoints();
        app.MapModelRegistryEndpoints();
        app.MapCascadeEndpoints();
        app.MapCompatEndpoints();
        app.MapCostEndpoints();
        app.MapRemediationEndpoints();
        return app;
    }
}
