using FleetCast.Server.Alerting;
using FleetCast.Server.Engine;
using FleetCast.Server.Hosting;
using FleetCast.Server.Integrations.Sources;
using FleetCast.Server.Options;
using FleetCast.Server.Remediation;
using FleetCast.Server.Retraining;
using FleetCast.Server.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FleetCast.Server.Tests.Hosting;

/// <summary>Start order = registration order, stop is the reverse: storage first up and last down, sources last up and first down,
/// and what <c>configure</c> added (the CLI's simulator feeder) between the engine's and the sources'.</summary>
public sealed class HostedServiceOrderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Build_HostedServices_StartInTheStatedOrder()
    {
        var options = new FleetCastOptions();
        options.Server.Port = 0;
        options.Server.DataDir = _directory.Path;
        options.Simulator.Enabled = false;

        await using var app = FleetCastHost.Build(options, configure: services => services.AddHostedService<Feeder>());

        var order = app.Services.GetServices<IHostedService>().Select(s => s.GetType())
            .Where(t => t.Assembly == typeof(FleetCastHost).Assembly || t == typeof(Feeder)).ToList();
        Assert.Equal(
            [typeof(StorageStartup), typeof(AlertDeliveryWorker), typeof(RemediationWorker), typeof(SnapshotEngine), typeof(RetentionService), typeof(ModelQualityTracker),
                typeof(RetrainingService), typeof(Feeder), typeof(SourcePoller)],
            order);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private sealed class Feeder : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
    }
}
