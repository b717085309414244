using FleetCast.Forecasting;
using FleetCast.Server.Hosting;
using FleetCast.Server.Options;

namespace FleetCast.Server.Tests.Hosting;

public sealed class FleetCastOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        var result = new FleetCastOptionsValidator().Validate(null, new FleetCastOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEveryOneByName()
    {
        var options = new FleetCastOptions();
        options.Server.Port = 70000;
        options.Forecast.WindowSteps = 10;
        options.Forecast.PrimaryBaseline = "magic";
        options.Simulator.Speed = -1;

        var errors = FleetCastOptionsValidator.Errors(options);

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Server:Port", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Forecast:WindowSteps", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Forecast:PrimaryBaseline", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Simulator:Speed", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(20)]
    public void Validate_StepNicenessOutsideLinuxRange_NamesTheSetting(int niceness)
    {
        var options = new FleetCastOptions();
        options.Forecast.StepNiceness = niceness;

        var errors = FleetCastOptionsValidator.Errors(options);

        Assert.Equal([$"Forecast:StepNiceness must be between 0 and 19; got {niceness}."], errors);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Validate_CriticalIssueProbabilityOutOfRange_NamesTheSetting(double probability)
    {
        var options = new FleetCastOptions();
        options.Simulator.CriticalIssueProbability = probability;

        var errors = FleetCastOptionsValidator.Errors(options);

        Assert.Single(errors);
        Assert.StartsWith("Simulator:CriticalIssueProbability must be between 0 and 0.1", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PredictionMetricsOutOfRange_NamesBothSettings()
    {
        var options = new FleetCastOptions();
        options.PredictionMetrics.MaxServers = -1;
        options.PredictionMetrics.HorizonMinutes = 0;

        var errors = FleetCastOptionsValidator.Errors(options);

        Assert.Equal(
            ["PredictionMetrics:MaxServers must be between 0 and 100000; got -1.", "PredictionMetrics:HorizonMinutes must be at least 1; got 0."],
            errors);
    }

    [Fact]
    public void Build_InvalidOptions_ThrowsWithAllErrors()
    {
        var options = new FleetCastOptions();
        options.Forecast.StepSeconds = 0;
        options.Retention.Days = 0;

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => FleetCastHost.Build(options));

        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void Validate_PrimaryBaseline_AcceptsExactlyTheCatalogsBaselines()
    {
        foreach (var name in ForecasterCatalog.Names.Append("arima").Append("Holt-Winters"))
        {
            var options = new FleetCastOptions();
            options.Forecast.PrimaryBaseline = name;

            var errors = FleetCastOptionsValidator.Errors(options);

            Assert.Equal(ForecasterCatalog.IsBaseline(name), errors.Count == 0);
        }

        Assert.Equal(ForecasterCatalog.Baselines.Order(StringComparer.Ordinal), FleetCastOptionsValidator.KnownBaselines);
    }
}
