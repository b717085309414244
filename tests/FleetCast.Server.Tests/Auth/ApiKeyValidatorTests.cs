using FleetCast.Server.Auth;

namespace FleetCast.Server.Tests.Auth;

public sealed class ApiKeyValidatorTests
{
    private readonly ApiKeyValidator _validator = new(new ApiKeyOptions(["first-key-0123456789", "second-key"]));

    [Theory]
    [InlineData("first-key-0123456789")]
    [InlineData("second-key")]
    public void IsValid_ConfiguredKey_True(string key) => Assert.True(_validator.IsValid(key));

    [Theory]
    [InlineData("first-key-012345678")]
    [InlineData("FIRST-KEY-0123456789")]
    [InlineData("second-key ")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_OtherOrEmptyKey_False(string? key) => Assert.False(_validator.IsValid(key));

    [Fact]
    public void Enabled_NoKeysConfigured_FalseAndNothingIsValid()
    {
        var validator = new ApiKeyValidator(ApiKeyOptions.None);

        Assert.False(validator.Enabled);
        Assert.False(validator.IsValid("anything"));
    }
}
