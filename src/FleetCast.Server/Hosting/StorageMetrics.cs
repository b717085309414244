using FleetCast.Server.Storage;
using Prometheus;

namespace FleetCast.Server.Hosting;

/// <summary>Prometheus view of the database's write health, read from <see cref="StorageHealth"/> at scrape time.</summary>
public sealed class StorageMetrics
{
    public StorageMetrics(CollectorRegistry registry, SqliteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var factory = Metrics.WithCustomRegistry(registry);
        var failures = factory.CreateCounter("fleetcast_storage_write_failures_total",
            "Database writes that failed for lack of space (kind=full) or with an I/O error (kind=io-error).",
            new CounterConfiguration { LabelNames = ["kind"] });
        var writable = factory.CreateGauge("fleetcast_storage_writable", "1 while the last database write committed, 0 while it failed for lack of space or an I/O error.");
        var health = database.Health;
        var full = failures.WithLabels("full");
        var ioErrors = failures.WithLabels("io-error");
        registry.AddBeforeCollectCallback(() =>
        {
            full.IncTo(health.FullFailures);
            ioErrors.IncTo(health.IoErrorFailures);
            writable.Set(health.Fault is null ? 1 : 0);
        });
    }
}
