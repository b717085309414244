using FleetCast.Server.Options;
using FleetCast.Server.Remediation;

namespace FleetCast.Server.Tests.Remediation;

public sealed class RemediationOptionsValidatorTests
{
    [Fact]
    public void Errors_BadRule_NamesEachSettingWithoutEchoingTheUrl()
    {
        var options = new RemediationOptions
        {
            CooldownMinutes = -1,
            Rules =
            [
                new RemediationRuleOptions { Name = "a", Mode = "sometimes", MinLevel = "fatal", WebhookUrl = "http://user:hunter2@hooks.example/x/{host}" },
                new RemediationRuleOptions { Name = "b", Profiles = "mainframe" },
                new RemediationRuleOptions { Name = "c", WebhookUrl = "http://h/x", Command = "/bin/echo" },
            ],
        };

        var errors = RemediationOptionsValidator.Errors(options);

        Assert.Contains(errors, e => e.StartsWith("Remediation:CooldownMinutes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Remediation:Rules:0:Mode must be one of dry-run, approval, automatic", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Remediation:Rules:0:MinLevel", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Remediation:Rules:0:WebhookUrl must not contain a user name or password", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Remediation:Rules:0:WebhookUrl uses unknown variable {host}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Remediation:Rules:1:Profiles has unknown profile 'mainframe'", StringComparison.Ordinal));
        Assert.Contains("Remediation:Rules:1 needs exactly one of WebhookUrl and Command.", errors);
        Assert.Contains("Remediation:Rules:2 needs exactly one of WebhookUrl and Command.", errors);
        Assert.DoesNotContain(errors, e => e.Contains("hunter2", StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_RelativeCommand_IsRefused()
    {
        var options = new RemediationOptions { Rules = [new RemediationRuleOptions { Name = "r", Command = "restart.sh" }] };

        Assert.Contains("Remediation:Rules:0:Command must be the absolute path of an existing program (it runs without a shell).", RemediationOptionsValidator.Errors(options));
    }

    [Fact]
    public void Defaults_NoRules_AreValidAndRunNothing()
    {
        var options = new RemediationOptions();

        Assert.Empty(RemediationOptionsValidator.Errors(options));
        Assert.Empty(ConfiguredRemediationRule.FromOptions(options));
    }

    [Fact]
    public void RuleView_HidesQueryUserInfoAndToken()
    {
        var options = new RemediationOptions
        {
            Rules = [new RemediationRuleOptions { Name = "r", WebhookUrl = "https://hooks.example/run/{server}?token=abc", BearerToken = "s3cret" }],
        };

        var view = RemediationRuleView.From(ConfiguredRemediationRule.FromOptions(options).Single());

        Assert.Equal("POST https://hooks.example/run/{server}?…", view.Target);
        Assert.Equal("configured", view.Auth);
        Assert.Equal("dry-run", view.Mode);
    }
}
