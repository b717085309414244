using System.Net;
using System.Text.Json;
using FleetCast.Server.Api;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using FleetCast.Server.Windows;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

/// <summary>Ingest and readiness when the database cannot take a write, on the real host: a genuinely full
/// database (SQLite's page cap at its current size) and a store failing with an I/O error.</summary>
public sealed class StorageFaultApiTests
{
    [Fact]
    public async Task Ingest_DatabaseFull_Answers507WithRetryAfterAppliesNothingAndReadyzRecoversOnceThereIsRoom()
    {
        await using var server = await TestServerFixture.StartAsync();
        var first = TestSamples.StepsAgo(2);
        await server.IngestAsync(TestSamples.Body(["ppweb001"], first, steps: 1));
        await server.WaitForDataTimeAsync(first);
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(server, "/readyz"));
        var database = server.App.Services.GetRequiredService<SqliteDatabase>();
        var windows = server.App.Services.GetRequiredService<IWindowStore>();
        database.SetMaxPageCount(PageCount(database));
        var batch = TestSamples.Body(Enumerable.Range(0, 300).Select(i => $"ppfull{i:000}"), TestSamples.StepsAgo(1), steps: 1);

        using var refused = await server.Client.PostAsync("/api/v1/ingest", TestSamples.Json(batch));

        Assert.Equal(HttpStatusCode.InsufficientStorage, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ProblemTypes.StorageFull.Type, problem.GetProperty("type").GetString());
        Assert.Contains("disk is full", problem.GetProperty("detail").GetString());
        Assert.Equal(60, problem.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(1, windows.ServerCount);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("fleetcast_storage_write_failures_total{kind=\"full\"} 1", metrics);
        Assert.Contains("fleetcast_storage_writable 0", metrics);
        Assert.Contains("fleetcast_ingest_rejected_total{reason=\"storage-full\"} 1", metrics);

        using (var notReady = await server.Client.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            var readiness = JsonDocument.Parse(await notReady.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(ProblemTypes.StorageNotWritable.Type, readiness.GetProperty("type").GetString());
            Assert.Equal("storage", readiness.GetProperty("component").GetString());
            Assert.Equal("full", readiness.GetProperty("reason").GetString());
            Assert.Contains("storage cannot be written", readiness.GetProperty("detail").GetString());
        }

        database.SetMaxPageCount(1_000_000);

        // No client has to send data first: a readiness check probes with a small write and finds room again.
        Assert.True(await ReadyzEventuallyAsync(server, HttpStatusCode.OK));
        Assert.Contains("fleetcast_storage_writable 1", await server.Client.GetStringAsync("/metrics"));
        using var accepted = await server.Client.PostAsync("/api/v1/ingest", TestSamples.Json(batch));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(301, windows.ServerCount);
    }

    [Theory]
    [InlineData("/api/v1/ingest")]
    [InlineData("/feed/data")]
    public async Task Ingest_IoError_Answers503WithRetryAfterAndAppliesNothing(string route)
    {
        await using var server = await TestServerFixture.StartAsync(services: s =>
            s.AddSingleton<ISampleStore>(new FailingSampleStore(() => new SqliteException("disk I/O error", 10))));
        var at = TestSamples.StepsAgo(1);
        var body = route == "/feed/data"
            ? $$"""{"records":[{"timestamp":"{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","server_name":"ppdb001","cpu_user_pct":12.5}]}"""
            : TestSamples.Body(["ppdb001"], at, steps: 1);

        using var response = await server.Client.PostAsync(route, TestSamples.Json(body));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(ProblemTypes.StorageIoError.Type, problem.GetProperty("type").GetString());
        Assert.Equal("io-error", problem.GetProperty("reason").GetString());
        Assert.Equal(0, server.App.Services.GetRequiredService<IWindowStore>().ServerCount);
    }

    private static async Task<HttpStatusCode> StatusOfAsync(TestServerFixture server, string path)
    {
        using var response = await server.Client.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task<bool> ReadyzEventuallyAsync(TestServerFixture server, HttpStatusCode expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (await StatusOfAsync(server, "/readyz") == expected)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static long PageCount(SqliteDatabase database) => database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_count;";
        return (long)command.ExecuteScalar()!;
    });
}
