namespace FleetCast.E2E;

[Collection(DashboardCollection.Name)]
public sealed class ContentSecurityPolicyTests(DashboardFixture fixture)
{
    // Registered before the page's own scripts; Playwright's init script itself is not subject to the page's policy.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
        """;

    private const string Violations = "() => window.__cspViolations";

    [Fact]
    public async Task Dashboard_LoadedAndTabsSwitched_NoPolicyViolations_AndTheBrowserEnforcesThePolicy()
    {
        // Arrange
        await using var dashboard = await fixture.OpenDashboardAsync(RecordViolations);
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var page = await http.GetAsync("/");
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));

        // Act: charts (ECharts), the circuit's WebSocket and Blazor's updates on a few tabs.
        await dashboard.WaitForChartsAsync();
        foreach (var tab in new[] { "heatmap", "alerts", "historical", "overview" })
        {
            await dashboard.SelectTabAsync(tab);
            if (await dashboard.Page.Locator("[data-chart]").CountAsync() > 0)
            {
                await dashboard.WaitForChartsAsync();
            }
        }

        var during = await dashboard.Page.EvaluateAsync<string[]>(Violations);
        var consoleViolations = dashboard.Errors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToArray();

        // A script injected as text must be refused: shows the policy is the one enforced and the listener hears it.
        await dashboard.Page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__injected = true'; document.body.appendChild(s); }
            """);
        await dashboard.Page.WaitForFunctionAsync("() => window.__cspViolations.length > 0");
        var injectedRan = await dashboard.Page.EvaluateAsync<bool>("() => window.__injected === true");

        // So must a style sheet injected as markup; style attributes (level colours, chart tooltips) stay allowed.
        var before = await dashboard.Page.EvaluateAsync<int>("() => window.__cspViolations.length");
        var styled = await dashboard.Page.EvaluateAsync<string>("""
            () => { const s = document.createElement('style'); s.textContent = 'body { outline: 7px solid rgb(1, 2, 3) }';
                    document.head.appendChild(s); return getComputedStyle(document.body).outlineWidth; }
            """);
        await dashboard.Page.WaitForFunctionAsync($"() => window.__cspViolations.length > {before}");
        var styleViolation = await dashboard.Page.EvaluateAsync<string>($"() => window.__cspViolations[{before}]");
        var attributeColour = await dashboard.Page.EvaluateAsync<string>(
            "() => getComputedStyle(document.querySelector('[data-header=\"fleet-status\"]')).getPropertyValue('--level-color').trim()");

        // Assert
        Assert.Empty(during);
        Assert.Empty(consoleViolations);
        Assert.False(injectedRan);
        Assert.Contains("script-src 'self' 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.NotEqual("7px", styled);
        Assert.StartsWith("style-src-elem", styleViolation, StringComparison.Ordinal);
        Assert.StartsWith("#", attributeColour, StringComparison.Ordinal);
    }
}
