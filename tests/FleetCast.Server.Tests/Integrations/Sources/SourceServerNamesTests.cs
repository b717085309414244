using FleetCast.Server.Integrations.Sources;

namespace FleetCast.Server.Tests.Integrations.Sources;

/// <summary>Names from URLs and labels follow the ingest rule, so a polled server is never rejected for its name.</summary>
public sealed class SourceServerNamesTests
{
    [Theory]
    [InlineData("[::1]:9100", "_::1_:9100")]
    [InlineData("-web01", "_web01")]
    [InlineData("..", "__")]
    [InlineData(".", "_")]
    [InlineData("web-01.example:9100", "web-01.example:9100")]
    public void Sanitize_GivesANameIngestAccepts(string raw, string expected)
    {
        var name = SourceServerNames.Sanitize(raw);

        Assert.Equal(expected, name);
        Assert.True(SourceServerNames.IsValid(name));
    }

    [Theory]
    [InlineData("-web01")]
    [InlineData("..")]
    [InlineData("web01\n")]
    [InlineData("web 01")]
    [InlineData("")]
    public void IsValid_NameIngestRefuses_False(string name)
    {
        Assert.False(SourceServerNames.IsValid(name));
    }
}
