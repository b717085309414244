using Microsoft.Playwright;

namespace FleetCast.E2E;

/// <summary>A server with an API key, signed in and out through the real forms: the browser's own same-origin posts pass
/// the origin check, and the Content-Security-Policy (form-action 'self') lets both forms submit and the page's style
/// block (allowed by its hash) apply.</summary>
[Collection(DashboardCollection.Name)] // one browser test at a time: the machine has two cores
public sealed class SignInTests
{
    private const string Key = "e2e-sign-in-key-0123456789abcdef";

    [Fact]
    public async Task SignInForm_ThenSignOutButton_OpensAndEndsTheSessionWithoutPolicyViolations()
    {
        // Arrange
        var chromium = Chromium.Locate();
        await using var server = await FleetCastServer.StartAsync(apiKey: Key, servers: 10, logName: "server-with-key.log");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = Chromium.Args });
        await using var context = await browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString() });
        context.SetDefaultTimeout((float)DashboardPage.ReadyTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };

        // Act
        await page.GotoAsync("/");
        var signInUrl = page.Url;
        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.FillAsync("#apiKey", Key);
        await page.ClickAsync("button[type='submit']");
        await page.Locator("[role='tabpanel'][data-tab='overview'][data-ready='true']").WaitForAsync();
        var signedIn = await StatusAsync(context);
        await page.Locator("form[data-header='sign-out'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync("**/signin");
        var signedOut = await StatusAsync(context);

        // Assert
        Assert.Contains("/signin", signInUrl, StringComparison.Ordinal);
        Assert.Equal("rgb(15, 23, 42)", background); // the page's style block, allowed by its hash
        Assert.Equal(200, signedIn);
        Assert.Equal(401, signedOut);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "fleetcast_auth");
        lock (errors)
        {
            Assert.DoesNotContain(errors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>The status of GET /api/v1/status sent with the context's cookies, as the page would send them.</summary>
    private static async Task<int> StatusAsync(IBrowserContext context)
    {
        var response = await context.APIRequest.GetAsync("/api/v1/status");
        try
        {
            return response.Status;
        }
        finally
        {
            await response.DisposeAsync();
        }
    }
}
