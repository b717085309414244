using System.Net.Http.Json;
using System.Text.Json;
using FleetCast.Core.Scenarios;
using FleetCast.Dashboard;
using FleetCast.Forecasting;
using FleetCast.Server.Auth;
using FleetCast.Server.Engine;
using FleetCast.Server.Hosting;
using FleetCast.Server.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FleetCast.Server.Tests.Shared;

/// <summary>The real FleetCast host on 127.0.0.1 and a free port, with a temp data directory (or a given
/// one, for restarts), a small window (look-back 4, window 8 steps) and a fake primary forecaster.</summary>
public sealed class TestServerFixture : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDirectory;

    private TestServerFixture(WebApplication app, string dataDir, TempDirectory? ownedDirectory, FakeForecaster forecaster)
    {
        App = app;
        DataDir = dataDir;
        _ownedDirectory = ownedDirectory;
        Forecaster = forecaster;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        Client = new HttpClient(new HttpClientHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = BaseAddress };
    }

    public WebApplication App { get; }

    public string DataDir { get; }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public FakeForecaster Forecaster { get; }

    public ISnapshotSource Snapshots => App.Services.GetRequiredService<ISnapshotSource>();

    public static async Task<TestServerFixture> StartAsync(string? dataDir = null, IReadOnlyList<string>? apiKeys = null,
        IScenarioControl? scenario = null, Action<FleetCastOptions>? tune = null, IForecaster? primary = null,
        Action<IServiceCollection>? services = null)
    {
        var owned = dataDir is null ? new TempDirectory() : null;
        var directory = dataDir ?? owned!.Path;
        var options = new FleetCastOptions();
        options.Server.Port = 0;
        options.Server.DataDir = directory;
        options.Server.StreamHeartbeatSeconds = 1;
        options.Forecast.LookbackSteps = 4;
        options.Forecast.WindowSteps = 8;
        options.Forecast.HorizonSteps = 12;
        options.Forecast.PollMilliseconds = 20;
        options.Simulator.Enabled = false;
        tune?.Invoke(options);
        var forecaster = new FakeForecaster("fake-primary", minHistorySteps: 1);
        var app = FleetCastHost.Build(options, scenario, registrations =>
        {
            services?.Invoke(registrations);
            registrations.TryAddSingleton(new ApiKeyOptions(apiKeys ?? []));
            registrations.TryAddSingleton(TestAlertRules.FireAtOnce);
            registrations.TryAddSingleton(new ForecasterSet(primary ?? forecaster, new FakeForecaster("fake-warmup", minHistorySteps: 1)));
        }, modules: [new DashboardModule()]);
        await app.StartAsync();
        return new TestServerFixture(app, directory, owned, forecaster);
    }

    /// <summary>Posts an ingest body and asserts it was accepted.</summary>
    public async Task IngestAsync(string body)
    {
        using var response = await Client.PostAsync("/api/v1/ingest", TestSamples.Json(body));
        if ((int)response.StatusCode != 202)
        {
            throw new InvalidOperationException($"Ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Waits until a snapshot with data time ≥ <paramref name="dataTime"/> is published.</summary>
    public async Task<PublishedSnapshot> WaitForDataTimeAsync(DateTimeOffset dataTime, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (Snapshots.Current is { } current && current.Snapshot.DataTime >= dataTime)
            {
                return current;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"No snapshot reached data time {dataTime:O}; current is {Snapshots.Current?.Snapshot.DataTime:O}.");
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _ownedDirectory?.Dispose();
    }
}
