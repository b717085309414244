using System.Net;
using FleetCast.Core.Alerts;
using FleetCast.Core.Json;
using FleetCast.Core.Scenarios;
using FleetCast.Core.Scoring;
using FleetCast.Core.Thresholds;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Baselines;
using FleetCast.Forecasting.Live;
using FleetCast.Server.Alerting;
using FleetCast.Server.Api;
using FleetCast.Server.Auth;
using FleetCast.Server.Engine;
using FleetCast.Server.Ingest;
using FleetCast.Server.Integrations.Prometheus;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Storage;
using FleetCast.Server.Windows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace FleetCast.Server.Hosting;

/// <summary>The one composition root of the FleetCast server: options, storage, windows, ingest,
/// engine, API and metrics, plus the modules it is given (the dashboard at "/"). Singletons for stores and the engine; seams that tests
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

        // Storage: one SQLite file under the data directory; disposed by the container after the hosted services stopped.
        services.TryAddSingleton(sp => new SqliteDatabase(new SqliteStorageOptions(Path.GetFullPath(options.Server.DataDir))
        {
            Time = sp.GetRequiredService<TimeProvider>(),
        }));
        services.TryAddSingleton<StorageReadiness>();
        services.TryAddSingleton<StorageMetrics>();
        services.TryAddSingleton<ISampleStore>(sp => new SampleStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IAlertStore>(sp => new AlertStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<AlertRouter>()));
        AddAlertRouting(services, options.Alerting);
        services.TryAddSingleton<ISnapshotHistoryStore>(sp => new SnapshotHistoryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new ModelRegistryStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton<IAlertActionStore>(sp => new AlertActionStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(sp => new AlertActions(sp.GetRequiredService<IAlertActionStore>(), sp.GetRequiredService<ISnapshotSource>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IWindowStore>(sp => new WindowStore(new WindowStoreOptions
        {
            StepSeconds = options.Forecast.StepSeconds,
            WindowSteps = options.Forecast.WindowSteps,
            LookbackSteps = options.Forecast.LookbackSteps,
        }, sampleStore: sp.GetRequiredService<ISampleStore>()));

        services.TryAddSingleton(new IngestOptions
        {
            MaxBodyBytes = options.Ingest.MaxBodyBytes,
            MaxFutureSkewSeconds = options.Ingest.MaxFutureSkewSeconds,
            MaxSamplesPerBatch = options.Ingest.MaxSamplesPerBatch,
        });
        services.TryAddSingleton(sp =>
        {
            var windows = sp.GetRequiredService<IWindowStore>();
            return new SampleValidator(sp.GetRequiredService<IngestOptions>(), () => windows.LatestDataTime?.AddDays(-options.Retention.Days));
        });
        services.TryAddSingleton(sp => new IngestRequestParser(sp.GetRequiredService<SampleValidator>()));
        services.TryAddSingleton(sp => new IngestStatistics(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IIngestService>(sp => new IngestService(sp.GetRequiredService<ISampleStore>(), sp.GetRequiredService<IWindowStore>(),
            sp.GetRequiredService<IngestStatistics>()));
        services.TryAddSingleton<IngestMetrics>();

        // Auth: keys from --api-key-file and FLEETCAST_API_KEYS; with none configured everything is open.
        services.TryAddSingleton(_ => ApiKeyOptions.FromEnvironment(options.Auth.ApiKeyFile));
        services.TryAddSingleton(sp => new ApiKeyValidator(sp.GetRequiredService<ApiKeyOptions>()));
        services.TryAddSingleton(sp => new DashboardSessionTokens(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(new ApiKeyMiddlewareOptions
        {
            // The dashboard page and its circuit need a session (sign in at /signin); static assets do not.
            OpenPaths = [SignInEndpoints.SignInPath],
            OpenPathPrefixes = ["/_framework", "/_content", "/css", "/js", "/dist", "/favicon"],
            SignInPath = SignInEndpoints.SignInPath,
        });

        services.TryAddSingleton(sp => ModelForecasters.Create(options.Forecast, CreateBaseline(options.Forecast.PrimaryBaseline), new LinearTrendForecaster(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("FleetCast.Model")));
        services.TryAddSingleton<ServerExplanations>();
        services.TryAddSingleton<EngineMetrics>();
        services.TryAddSingleton(sp => new PredictionMetrics(sp.GetRequiredService<CollectorRegistry>(), sp.GetRequiredService<ISnapshotSource>(),
            options.PredictionMetrics, options.Forecast.StepSeconds, options.Forecast.HorizonSteps));
        services.TryAddSingleton<BackfillStatus>();
        services.TryAddSingleton<SnapshotEngine>();
        services.TryAddSingleton<ISnapshotSource>(sp => sp.GetRequiredService<SnapshotEngine>());
        services.TryAddSingleton<IAlertOutcomeSource>(sp => sp.GetRequiredService<SnapshotEngine>());
        services.TryAddSingleton<CompatPredictionsCache>();
        services.TryAddSingleton(new ModelQualityOptions
        {
            Scoring = new LiveScoreOptions
            {
                StepSeconds = options.Forecast.StepSeconds,
                HorizonSteps = options.Forecast.HorizonSteps,
                LookbackSteps = options.Forecast.LookbackSteps,
            },
            ModelDir = string.IsNullOrWhiteSpace(options.Forecast.ModelDir) ? null : options.Forecast.ModelDir,
            ShadowEverySteps = options.Forecast.ShadowEverySteps,
            ShadowMaxServers = options.Forecast.ShadowMaxServers,
            ShadowNiceness = options.Forecast.StepNiceness,
        });
        services.TryAddSingleton(new ShadowForecasters([new LinearTrendForecaster(), new SeasonalNaiveForecaster(), new HoltWintersForecaster()]));
        services.TryAddSingleton<ModelQualityTracker>();
        services.TryAddSingleton<IModelQualitySource>(sp => sp.GetRequiredService<ModelQualityTracker>());
        services.TryAddSingleton<StorageStartup>();
        services.TryAddSingleton<RetentionService>();

        // Shutdown order, written down: hosted services start in registration order and stop in reverse;
        // the web server (Kestrel) is started after them and stopped before them. These three are put
        // at the front, ahead of anything `configure` added (the CLI's simulator feeder), so:
        //   start: open storage + rebuild windows → alert delivery → engine → retention → feeder → sources → Kestrel
        //   stop:  Kestrel (no more HTTP ingest) → sources → feeder (no more simulated ingest) → retention →
        //          engine (finishes its current step) → alert delivery (finishes its current send; the
        //          rest stays pending in the outbox) → storage startup; then the container disposes
        //          the SQLite database, closing storage last. Every accepted batch was committed before
        //          it was acknowledged, so there is nothing left to flush.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<StorageStartup>()));
        services.Insert(1, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<SnapshotEngine>()));
        services.Insert(2, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<RetentionService>()));
        // Alert delivery starts before the engine and stops after it (so the engine's last transitions are
        // already in the outbox), and before storage closes; what it has not sent stays pending on disk.
        services.Insert(1, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<AlertDeliveryWorker>()));
        // Forecast scoring subscribes to the engine's snapshots; it stops (unsubscribes) before the engine.
        services.Insert(4, ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<ModelQualityTracker>()));

        // Added after `configure`, so it starts after the CLI's simulator feeder and stops before it.
        services.AddFleetCastSources(options.Sources);

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => CopyJsonOptions(json));
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ["application/json", "application/problem+json", "text/csv", "text/html"];
        });
        services.AddOpenApi();
        return services;
    }

    /// <summary>Routes, outbox, sender and worker. With no routes the worker finds nothing to send.</summary>
    private static void AddAlertRouting(IServiceCollection services, AlertingOptions alerting)
    {
        services.TryAddSingleton(alerting);
        services.TryAddSingleton(sp => AlertRouter.FromOptions(alerting, sp.GetRequiredService<TimeProvider>(),
            new DeferredAlertMutes(sp.GetRequiredService<AlertActions>)));
        services.TryAddSingleton<IOutboxStore>(sp => new OutboxStore(sp.GetRequiredService<SqliteDatabase>()));
        services.TryAddSingleton(_ => new AlertDeliveryHttpClient());
        services.TryAddSingleton(sp => new AlertDeliverySender(sp.GetRequiredService<AlertDeliveryHttpClient>().Client, alerting,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AlertDeliveryWorker>();
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
        app.MapCompatEndpoints();
        return app;
    }

    public static IForecaster CreateBaseline(string name) => name switch
    {
        "holt-winters" => new HoltWintersForecaster(),
        "linear-trend" => new LinearTrendForecaster(),
        "seasonal-naive" => new SeasonalNaiveForecaster(),
        _ => throw new ArgumentException($"Unknown baseline '{name}'; one of {string.Join(", ", FleetCastOptionsValidator.KnownBaselines)}.", nameof(name)),
    };

    private static void CopyJsonOptions(JsonOptions json)
    {
        var source = FleetJson.Options;
        json.SerializerOptions.PropertyNamingPolicy = source.PropertyNamingPolicy;
        json.SerializerOptions.DictionaryKeyPolicy = source.DictionaryKeyPolicy;
        json.SerializerOptions.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        json.SerializerOptions.Encoder = source.Encoder;
        json.SerializerOptions.NumberHandling = source.NumberHandling;
        foreach (var converter in source.Converters)
        {
            json.SerializerOptions.Converters.Add(converter);
        }
    }
}
