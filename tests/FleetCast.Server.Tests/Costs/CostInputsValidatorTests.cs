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

    [Theory]
    [InlineData(1e10, 1, 1, "costPerHour", "'costPerHour' must be at most 1,000,000,000; got 1E+10.")]
    [InlineData(1.7976931348623157e308, 1, 1, "costPerHour", "'costPerHour' must be at most 1,000,000,000; got 1.79769E+308.")]
    [InlineData(1, 8761, 1, "outageHours", "'outageHours' must be at most 8,760; got 8761.")]
    public void Errors_AboveTheCap_NamesTheFieldAndTheLimit(double costPerHour, double outageHours, double share, string field, string message)
    {
        var errors = CostInputsValidator.Errors(new CostInputsRequest(costPerHour, outageHours, share), out var inputs);

        Assert.Null(inputs);
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }

    [Fact]
    public void Errors_AtTheCaps_Accepted()
    {
        var errors = CostInputsValidator.Errors(
            new CostInputsRequest(CostInputsValidator.MaxCostPerHour, CostInputsValidator.MaxOutageHours, 1), out var inputs);

        Assert.Empty(errors);
        Assert.NotNull(inputs);
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
