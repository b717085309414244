using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FleetCast.Forecasting;
using FleetCast.Forecasting.Tft;
using FleetCast.Forecasting.Tft.Training;
using FleetCast.Server.Api;
using FleetCast.Server.Engine;
using FleetCast.Server.Options;
using FleetCast.Server.Retraining;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Retraining;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FleetCast.Server.Tests.Api;

/// <summary>The model registry API on the real host, serving the tiny model trained on the plain simulator.</summary>
public sealed class ModelRegistryApiTests(TinyModels models) : IClassFixture<TinyModels>
{
    [Fact]
    public async Task Activate_EarlierModelAfterAnAdoption_RollsTheServingModelBack()
    {
        await using var server = await StartAsync();
        var forecasters = server.App.Services.GetRequiredService<ForecasterSet>();
        var registry = server.App.Services.GetRequiredService<ModelRegistry>();
        var configured = (await server.GetJsonAsync("/api/v1/models")).GetProperty("models").EnumerateArray().Single();
        var candidateDirectory = models.NewDirectory("candidate");
        using (var candidate = TftModel.Create(TinyModels.Config, seed: 4))
        {
            candidate.Save(candidateDirectory);
        }

        var adopted = await registry.AdoptAsync("candidate", candidateDirectory, new ModelReport("retrained", "adopted", "test"));
        var afterAdoption = forecasters.Primary;

        using var response = await server.Client.PostAsync($"/api/v1/admin/models/{configured.GetProperty("id").GetInt64()}/activate", TestSamples.Json("{}"));
        var listed = (await server.GetJsonAsync("/api/v1/models")).GetProperty("models").EnumerateArray().ToArray();

        Assert.True(configured.GetProperty("active").GetBoolean());
        Assert.Equal("configured", configured.GetProperty("report").GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(Path.GetFullPath(models.CurrentDirectory), forecasters.ModelDirectory);
        Assert.NotSame(afterAdoption, forecasters.Primary);
        Assert.True(forecasters.Primary.IsModel);
        Assert.Equal([adopted.Id, configured.GetProperty("id").GetInt64()], listed.Select(m => m.GetProperty("id").GetInt64()));
        Assert.Equal([false, true], listed.Select(m => m.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task Activate_UnknownOrNotJson_404Or415AndNothingChanges()
    {
        await using var server = await StartAsync();
        var serving = server.App.Services.GetRequiredService<ForecasterSet>().Primary;

        using var unknown = await server.Client.PostAsync("/api/v1/admin/models/999/activate", TestSamples.Json("{}"));
        using var form = await server.Client.PostAsync("/api/v1/admin/models/1/activate", new StringContent("a=b", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.EndsWith(ProblemTypes.ModelNotFound.Type, (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Same(serving, server.App.Services.GetRequiredService<ForecasterSet>().Primary);
    }

    [Fact]
    public async Task Retrain_SecondWhileOneRuns_409ThenJobProgressAndOutcome()
    {
        var trainer = new HeldTrainer();
        await using var server = await StartAsync(trainer);
        await server.App.Services.GetRequiredService<ISampleStore>().AppendAsync(ShiftedFleet.ToSamples(ShiftedFleet.Simulate(servers: 2, days: 4, seed: 7)));

        using var first = await server.Client.PostAsync("/api/v1/admin/models/retrain", TestSamples.Json("{}"));
        Assert.True(trainer.Entered.Wait(TimeSpan.FromSeconds(30)));
        using var second = await server.Client.PostAsync("/api/v1/admin/models/retrain", TestSamples.Json("{}"));
        var job = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetInt64();
        var running = await server.GetJsonAsync($"/api/v1/admin/models/jobs/{id}");
        trainer.Release.Set();
        await server.App.Services.GetRequiredService<RetrainingService>().WaitForAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
        var ended = await server.GetJsonAsync($"/api/v1/admin/models/jobs/{id}");
        using var unknown = await server.Client.GetAsync("/api/v1/admin/models/jobs/12345");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal($"/api/v1/admin/models/jobs/{id}", first.Headers.Location?.OriginalString);
        Assert.Equal("manual", job.GetProperty("trigger").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith(ProblemTypes.RetrainingRunning.Type, problem.GetProperty("type").GetString());
        Assert.Equal(id, problem.GetProperty("jobId").GetInt64());
        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.StartsWith("training the candidate", running.GetProperty("phase").GetString());
        Assert.Equal("failed", ended.GetProperty("state").GetString());
        Assert.Contains("held by the test", ended.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Retrain_TrainerFailsWithANativeMessage_JobShowsOnlyItsFirstLine()
    {
        await using var server = await StartAsync(new FailingTrainer("Expected false to be true, but got false.\nframe #0: c10::Error::Error + 0x9c (in /opt/fleetcast/libc10.so)"));
        await server.App.Services.GetRequiredService<ISampleStore>().AppendAsync(ShiftedFleet.ToSamples(ShiftedFleet.Simulate(servers: 2, days: 4, seed: 7)));

        using var started = await server.Client.PostAsync("/api/v1/admin/models/retrain", TestSamples.Json("{}"));
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await server.App.Services.GetRequiredService<RetrainingService>().WaitForAsync(id).WaitAsync(TimeSpan.FromSeconds(30));
        var job = await server.GetJsonAsync($"/api/v1/admin/models/jobs/{id}");
        var listed = (await server.GetJsonAsync("/api/v1/models")).GetProperty("retraining").GetProperty("job");

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Equal("Failed; the serving model is unchanged: Expected false to be true, but got false.", job.GetProperty("message").GetString());
        Assert.Equal(job.GetProperty("message").GetString(), listed.GetProperty("message").GetString());
    }

    private Task<TestServerFixture> StartAsync(ICandidateTrainer? trainer = null)
    {
        var forecast = new ForecastOptions { HorizonSteps = 8, ModelDir = models.CurrentDirectory };
        var forecasters = ModelForecasters.Create(forecast, ForecasterCatalog.Create(ForecasterCatalog.HoltWinters), new FakeForecaster("warm-up"), NullLogger.Instance);
        return TestServerFixture.StartAsync(
            tune: o =>
            {
                o.Forecast.HorizonSteps = 8;
                o.Retraining.MinDays = 2;
            },
            services: s =>
            {
                s.AddSingleton(forecasters);
                if (trainer is not null)
                {
                    s.AddSingleton(trainer);
                }
            });
    }

    private sealed class FailingTrainer(string message) : ICandidateTrainer
    {
        public TftTrainingReport Train(Core.Datasets.FleetDataset training, TftModel? current, string outputDirectory, Action<TftTrainingProgress> progress,
            CancellationToken cancellationToken) => throw new InvalidOperationException(message);
    }

    private sealed class HeldTrainer : ICandidateTrainer
    {
        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public TftTrainingReport Train(Core.Datasets.FleetDataset training, TftModel? current, string outputDirectory, Action<TftTrainingProgress> progress,
            CancellationToken cancellationToken)
        {
            progress(new TftTrainingProgress(1, 3, 1, 10, 0.5, null, null, TimeSpan.Zero, TimeSpan.Zero, false));
            Entered.Set();
            Release.Wait(cancellationToken);
            throw new InvalidOperationException("held by the test");
        }
    }
}
