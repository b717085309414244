using FleetCast.Server.Hosting;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Hosting;

public sealed class RetentionServiceTests
{
    [Fact]
    public async Task RunOnce_CascadeEndedBeforeRetention_IsDeletedWhileRecentAndActiveOnesStay()
    {
        // Arrange: data up to now; Retention:Days is 14 by default.
        await using var server = await TestServerFixture.StartAsync();
        var now = TestSamples.StepsAgo(0);
        await server.IngestAsync(TestSamples.Body(["ppweb001"], now, steps: 3));
        var cascades = server.App.Services.GetRequiredService<ICascadeStore>();
        cascades.Save(
        [
            TestCascades.Event(1, now.AddDays(-20), now.AddDays(-20).AddHours(1)),
            TestCascades.Event(2, now.AddDays(-2), now.AddDays(-2).AddHours(1)),
            TestCascades.Event(3, now.AddDays(-20)),
        ]);

        // Act
        server.App.Services.GetRequiredService<RetentionService>().RunOnce();

        // Assert
        Assert.Equal([2L, 3L], cascades.Read(now.AddDays(-30), now).Select(c => c.Id).Order());
    }
}
