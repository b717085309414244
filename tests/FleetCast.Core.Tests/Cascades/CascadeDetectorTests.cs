using FleetCast.Core.Cascades;
using FleetCast.Core.Metrics;
using FleetCast.Core.Profiles;

namespace FleetCast.Core.Tests.Cascades;

public sealed class CascadeDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(int step) => T0.AddMinutes(5 * step);

    /// <summary>A fleet of 2 databases, 6 web servers, 4 ETL servers and 2 ML servers; the named servers score
    /// <paramref name="score"/>, the rest 0.5.</summary>
    private static List<ServerAnomaly> Fleet(double score, params string[] anomalous)
    {
        var fleet = new List<ServerAnomaly>();
        void Add(string prefix, int count, ServerProfile profile)
        {
            for (var i = 1; i <= count; i++)
            {
                var name = $"{prefix}{i:D3}";
                var value = anomalous.Contains(name) ? score : 0.5;
                fleet.Add(new ServerAnomaly(name, profile, new AnomalyScore(value, Metric.BackCloseWait)));
            }
        }

        Add("ppdb", 2, ServerProfile.Database);
        Add("ppweb", 6, ServerProfile.WebApi);
        Add("ppetl", 4, ServerProfile.DataIngest);
        Add("ppml", 2, ServerProfile.MlCompute);
        return fleet;
    }

    [Fact]
    public void Step_DatabaseThenItsDependents_OpensACascadeWithTheDatabaseAsFirstRoot()
    {
        var detector = new CascadeDetector();
        detector.Step(At(0), Fleet(0.5));
        detector.Step(At(1), Fleet(8, "ppdb001"));

        var events = detector.Step(At(2), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001"));

        var cascade = Assert.Single(events);
        Assert.True(cascade.IsActive);
        Assert.Equal(ServerProfile.Database, cascade.Dependency);
        Assert.Equal(At(1), cascade.StartedAt);
        Assert.Equal(At(2), cascade.DetectedAt);
        Assert.Equal("ppdb001", cascade.RootCandidates[0].Server);
        Assert.Equal(3, cascade.RootCandidates[0].DependentServers);
        Assert.Equal(["ppdb001", "ppetl001", "ppweb001", "ppweb002"], cascade.Affected.Select(m => m.Server).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Step_ManyServersOfProfilesWithoutDependencies_NoCascade()
    {
        var detector = new CascadeDetector();

        var events = detector.Step(At(0), Fleet(8, "ppml001", "ppml002", "ppdb001", "ppdb002"));

        Assert.Empty(events);
    }

    [Fact]
    public void Step_TooSmallAShareOfTheDependents_NoCascade()
    {
        // One of ten dependents is below the 20 % share, even with a database in trouble.
        var detector = new CascadeDetector();

        var events = detector.Step(At(0), Fleet(8, "ppdb001", "ppdb002", "ppweb001"));

        Assert.Empty(events);
    }

    [Fact]
    public void Step_DependentsWithoutAnyTroubledDatabase_OnlyOneProfile_NoCascade()
    {
        var detector = new CascadeDetector();

        var events = detector.Step(At(0), Fleet(8, "ppweb001", "ppweb002", "ppweb003"));

        Assert.Empty(events);
    }

    [Fact]
    public void Step_DatabaseBelowTheAnomalyThresholdButSteadilyAboveTheRootThreshold_IsTheRoot()
    {
        var detector = new CascadeDetector();
        var elevated = Fleet(0.5);
        elevated[1] = elevated[1] with { Anomaly = new AnomalyScore(3, Metric.CpuIowaitPct) };
        detector.Step(At(0), elevated);
        var fleet = Fleet(8, "ppweb001", "ppweb002", "ppetl001");
        fleet[1] = fleet[1] with { Anomaly = new AnomalyScore(3, Metric.CpuIowaitPct) };

        var cascade = Assert.Single(detector.Step(At(1), fleet));

        Assert.Equal("ppdb002", cascade.RootCandidates[0].Server);
        Assert.Equal(ServerProfile.Database, cascade.RootCandidates[0].Profile);
        Assert.DoesNotContain(cascade.Affected, m => m.Server == "ppdb001");
    }

    [Fact]
    public void Step_AnomaliesStop_EndsAfterTheQuietStepsAtTheLastActiveStep()
    {
        var options = CascadeOptions.Default;
        var detector = new CascadeDetector(options);
        detector.Step(At(0), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001"));
        detector.Step(At(1), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001"));

        IReadOnlyList<CascadeEvent> events = [];
        var step = 2;
        for (; step < 40 && (events.Count == 0 || events[0].IsActive); step++)
        {
            events = detector.Step(At(step), Fleet(0.5));
        }

        var ended = Assert.Single(events);
        // Servers stay anomalous through HoldSteps − 1 calm steps, then the cascade waits CloseAfterQuietSteps.
        Assert.Equal(At(1 + options.HoldSteps - 1), ended.EndedAt);
        Assert.Equal(1 + options.HoldSteps - 1 + options.CloseAfterQuietSteps, step - 1);
        Assert.Empty(detector.Active);
    }

    [Fact]
    public void Step_DependentJoinsLater_IsAddedToTheActiveCascade()
    {
        var detector = new CascadeDetector();
        detector.Step(At(0), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001"));

        var events = detector.Step(At(1), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001", "ppetl004", "ppml001"));

        var cascade = Assert.Single(events);
        Assert.Contains(cascade.Affected, m => m.Server == "ppetl004" && m.AnomalousSince == At(1));
        Assert.DoesNotContain(cascade.Affected, m => m.Server == "ppml001");
        Assert.Equal(5, cascade.PeakServers);
    }

    [Fact]
    public void Constructor_RestoredActiveCascade_ContinuesWithItsIdAndNewOnesGetLaterIds()
    {
        var first = new CascadeDetector();
        var stored = Assert.Single(first.Step(At(0), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001")));

        var restarted = new CascadeDetector(restored: [stored with { Id = 41 }], nextId: 5);
        var events = restarted.Step(At(1), Fleet(8, "ppdb001", "ppweb001", "ppweb002", "ppetl001"));

        var cascade = Assert.Single(events);
        Assert.Equal(41, cascade.Id);
        Assert.Equal(stored.StartedAt, cascade.StartedAt);
        Assert.Equal(4, cascade.Affected.Count);
    }

    [Fact]
    public void Constructor_InvalidOptions_NamesTheField()
    {
        var error = Assert.Throws<ArgumentException>(() => new CascadeDetector(CascadeOptions.Default with { MinServers = 1 }));

        Assert.Contains(nameof(CascadeOptions.MinServers), error.Message, StringComparison.Ordinal);
    }
}
