using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Server.Tests.Shared;

/// <summary>Cascade events for store, API and dashboard tests: a database root and two web servers.</summary>
internal static class TestCascades
{
    public static CascadeEvent Event(long id, DateTimeOffset started, DateTimeOffset? ended = null) => new(
        id,
        ServerProfile.Database,
        started,
        ended,
        started.AddMinutes(10),
        ended ?? started.AddMinutes(20),
        CascadeSeverity.Medium,
        6,
        [new CascadeRootCandidate("ppdb003", ServerProfile.Database, 0.95, 2, started)],
        [
            new CascadeMember("ppdb003", ServerProfile.Database, started, 7.5, Metric.CpuIowaitPct, 6.1),
            new CascadeMember("ppweb001", ServerProfile.WebApi, started.AddMinutes(5), 9.25, Metric.BackCloseWait, 8),
            new CascadeMember("ppweb002", ServerProfile.WebApi, started.AddMinutes(10), 5, Metric.LoadAverage, 4.5),
        ]);
}
