using Bunit;
using FleetCast.Dashboard.Tabs.Drift;
using FleetCast.Server.Engine;
using FleetCast.Server.Retraining;
using FleetCast.Server.Tests.Dashboard.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Dashboard.Tabs.Drift;

public sealed class ModelRegistryPanelTests : DashboardTestContext
{
    private static readonly HeldOutScore Candidate = new("tft", 0.21, 0.79, 24, 40, TestSnapshots.DataTime.AddDays(-1), TestSnapshots.DataTime);
    private static readonly HeldOutScore Serving = new("tft", 0.25, 0.62, 24, 40, TestSnapshots.DataTime.AddDays(-1), TestSnapshots.DataTime);
    private readonly FakeModelManagement _management = new();

    public ModelRegistryPanelTests()
    {
        Services.AddSingleton<IModelQualitySource>(new FakeModelQualitySource(TestQualityReports.Model()));
        Services.AddSingleton<IAlertOutcomeSource>(new FakeAlertOutcomeSource());
        Services.AddSingleton<IModelManagement>(_management);
    }

    [Fact]
    public void Render_Registry_RowsWithScoresServingMarkedAndActivateOnlyOnOthers()
    {
        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true)));

        var rows = cut.FindAll("[data-table='models'] tbody tr");
        Assert.Equal(["2", "1"], rows.Select(r => r.GetAttribute("data-model-id")));
        Assert.Equal("true", rows[0].GetAttribute("data-active"));
        Assert.Equal(["retrained-2 (serving)", "adopted", "0.2100", "79%", "0.2500"],
            rows[0].QuerySelectorAll("td").Where((_, i) => i is 0 or 3 or 4 or 5 or 6).Select(c => c.TextContent.Trim()));
        Assert.Empty(rows[0].QuerySelectorAll("[data-action='activate']"));
        Assert.NotNull(rows[1].QuerySelector("[data-action='activate']"));
        Assert.Contains("0 of 6 degraded quality measurements", cut.Find("[data-retraining-status]").TextContent);
    }

    [Fact]
    public void Click_ActivateOnTheEarlierModel_RollsBackThroughManagement()
    {
        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true)));

        cut.Find("[data-model-id='1'] [data-action='activate']").Click();

        Assert.Equal([1L], _management.Activated);
        Assert.Equal("true", cut.Find("[data-model-id='1']").GetAttribute("data-active"));
        Assert.Empty(cut.FindAll("[data-model-id='1'] [data-action='activate']"));
    }

    [Fact]
    public void Click_RetrainWhileOneRuns_SaysOneAtATime()
    {
        var cut = Render<DriftTab>(p => p.Add(t => t.Snapshot, TestSnapshots.Create(forecaster: "tft", forecasterIsModel: true)));

        cut.Find("[data-action='retrain']").Click();
        cut.Find("[data-action='retrain']").Click();

        Assert.Equal(1, _management.Started);
        Assert.Contains("already running", cut.Find("[data-errors]").TextContent);
        Assert.Equal("running", cut.Find("[data-job-state]").GetAttribute("data-job-state"));
    }

    private sealed class FakeModelManagement : IModelManagement
    {
        private RetrainingJobView? _job;
        private long _active = 2;

        public List<long> Activated { get; } = [];

        public int Started { get; private set; }

        public IReadOnlyList<RegisteredModel> Models =>
        [
            new(2, "retrained-2", "/m/2", TestSnapshots.DataTime, _active == 2, new ModelReport("retrained", "adopted", "Adopted: no worse.", Candidate, Serving, 7)),
            new(1, "default", "/m/1", TestSnapshots.DataTime.AddDays(-3), _active == 1, new ModelReport("configured", "serving")),
        ];

        public RetrainingStatus Retraining => new(true, 0, 6, null, null, _job);

        public RetrainingJobView? StartRetraining(string trigger)
        {
            if (_job is { Running: true })
            {
                return null;
            }

            Started++;
            _job = new RetrainingJobView(9, trigger, "running", "training the candidate", 0.3, TestSnapshots.DataTime, null, null, null, null, null);
            return _job;
        }

        public Task<RegisteredModel?> ActivateAsync(long id, CancellationToken cancellationToken = default)
        {
            Activated.Add(id);
            _active = id;
            return Task.FromResult(Models.FirstOrDefault(m => m.Id == id));
        }
    }
}
