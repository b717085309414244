using FleetCast.Server.Costs;

namespace FleetCast.Server.Tests.Costs;

public sealed class CostInputsValidatorTests
{
    [Fact]
    public void Errors_NegativeCostAndShareAboveOne_NamesEachFieldAndGivesNoInputs()
    {
        var errors = CostInputsValidator.Errors(new CostInputsRequest(-1, 2, 1.5), out var inputs);

        Assert.Null(inputs);
        Assert.Equal(["costPerHour", "shareActedOn"], errors.Keys.Order());
        Assert.Contains("at least 0", errors["costPerHour"][0]);
        Assert.Contains("at most 1", errors["shareActedOn"][0]);
    }

    [Fact]
    public void Errors_MissingFields_NamesEachRequiredField()
    {
        var errors = CostInputsValidator.Errors(new CostInputsRequest(null, null, null, "euro sign €"), out _);

        Assert.Equal(["costPerHour", "currency", "outageHours", "shareActedOn"], errors.Keys.Order());
    }

    [Fact]
    public void Errors_ValidRequest_GivesTrimmedInputs()
    {
        var errors = CostInputsValidator.Errors(new CostInputsRequest(1200, 0.5, 0, " EUR "), out var inputs);

        Assert.Empty(errors);
        Assert.Equal(new FleetCast.Core.Costs.CostInputs(1200, 0.5, 0, "EUR"), inputs);
    }
}
