using System.Net;
using System.Text.Json;
using FleetCast.Core.Diagnostics;
using FleetCast.Server.Api;
using FleetCast.Server.Engine;
using FleetCast.Server.Storage;
using FleetCast.Server.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FleetCast.Server.Tests.Api;

/// <summary>Error messages in responses are cut to their first line: libtorch's run on with frames and source paths.</summary>
public sealed class FirstLineTests
{
    private const string NativeMessage =
        "Expected false to be true, but got false.\n" +
        "Exception raised from toFloat at /root/libtorch/c10/core/Scalar.h:71 (most recent call first):\n" +
        "frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x9c (0x7f00 in /opt/fleetcast/runtimes/linux-x64/native/libc10.so)\n";

    [Theory]
    [InlineData(NativeMessage, "Expected false to be true, but got false.")]
    [InlineData("one line", "one line")]
    [InlineData("  padded  \r\nsecond", "padded")]
    [InlineData("\n\nafter blank lines\nmore", "after blank lines")]
    [InlineData("", "")]
    public void Of_Message_GivesItsFirstLine(string message, string expected)
    {
        Assert.Equal(expected, FirstLine.Of(message));
    }

    [Fact]
    public void Of_OneLine_IsTheSameString()
    {
        const string Message = "tft: returned 2 forecasts for 3 windows.";

        Assert.Same(Message, FirstLine.Of(Message));
        Assert.Null(FirstLine.Of(null));
    }

    [Fact]
    public async Task ReloadFailure_NativeMessage_DetailKeepsOnlyItsFirstLine()
    {
        await using var server = await TestServerFixture.StartAsync();
        server.App.Services.GetRequiredService<ForecasterSet>()
            .SetReloader(_ => Task.FromException<FleetCast.Forecasting.IForecaster>(new InvalidOperationException(NativeMessage)));

        using var response = await server.Client.PostAsync("/api/v1/admin/model/reload", TestSamples.Json("{}"));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(ProblemTypes.ReloadFailed.Status, (int)response.StatusCode);
        Assert.Equal(ProblemTypes.ReloadFailed.Type, problem.GetProperty("type").GetString());
        Assert.Equal("Reloading failed; the previous forecaster stays in use: Expected false to be true, but got false.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ActivateFailure_MultiLineMessage_DetailKeepsOnlyItsFirstLine()
    {
        await using var server = await TestServerFixture.StartAsync();
        // The load error quotes the directory; one with a line break gives a message of several lines.
        var record = server.App.Services.GetRequiredService<ModelRegistryStore>()
            .Register("broken", "/nonexistent/broken\nframe #0: /root/libtorch/c10/core/Scalar.h:71", Samples.Origin, null, activate: false);

        using var response = await server.Client.PostAsync($"/api/v1/admin/models/{record.Id}/activate", TestSamples.Json("{}"));
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.StartsWith($"Model {record.Id} does not load, so the serving model stays: ", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #0", detail, StringComparison.Ordinal);
    }
}
