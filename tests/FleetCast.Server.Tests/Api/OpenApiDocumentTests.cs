using System.Text.Json;
using FleetCast.Server.Tests.Shared;

namespace FleetCast.Server.Tests.Api;

/// <summary>docs/openapi.json is the committed copy of the generated document: a route added, removed or
/// given another method in code must be in the copy too (regenerate it from <c>GET /openapi/v1.json</c>).</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task CommittedCopy_ListsEveryRouteAndMethodTheServerGenerates()
    {
        // Arrange
        await using var server = await TestServerFixture.StartAsync();
        using var committed = JsonDocument.Parse(await File.ReadAllTextAsync(CommittedCopyPath()));

        // Act
        var generated = await server.GetJsonAsync("/openapi/v1.json");

        // Assert
        Assert.Equal(Operations(committed.RootElement), Operations(generated));
    }

    private static SortedSet<string> Operations(JsonElement document) =>
        new(document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}")),
            StringComparer.Ordinal);

    private static string CommittedCopyPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "openapi.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/openapi.json was not found above the test's folder.");
    }
}
