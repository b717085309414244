using FleetCast.Cli;

namespace FleetCast.Cli.Tests;

public sealed class SeedListTests
{
    [Fact]
    public void Parse_Count_IsThatManyConsecutiveSeedsFromStart()
    {
        var seeds = SeedList.Parse("5", 7, out var error);

        Assert.Null(error);
        Assert.Equal([7, 8, 9, 10, 11], seeds);
    }

    [Fact]
    public void Parse_CommaSeparatedList_IsThoseSeedsInOrder()
    {
        var seeds = SeedList.Parse("7, 21,22,23,24", 1, out var error);

        Assert.Null(error);
        Assert.Equal([7, 21, 22, 23, 24], seeds);
    }

    [Theory]
    [InlineData("x", "--seeds: \"x\" is not a number.")]
    [InlineData("7,x,9", "--seeds: \"x\" is not a number.")]
    [InlineData("7,,9", "--seeds: \"\" is not a number.")]
    [InlineData("", "--seeds: \"\" is not a number.")]
    [InlineData("0", "--seeds: a count must be 1 to 100; got 0.")]
    [InlineData("101", "--seeds: a count must be 1 to 100; got 101.")]
    [InlineData("7,8,7", "--seeds: seed 7 is listed twice.")]
    public void Parse_BadValue_IsAnErrorNamingTheOption(string text, string expected)
    {
        var seeds = SeedList.Parse(text, 7, out var error);

        Assert.Null(seeds);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_CountRunningPastIntMax_IsAnError()
    {
        Assert.Null(SeedList.Parse("3", int.MaxValue - 1, out var error));
        Assert.StartsWith("--seeds:", error);
    }
}
