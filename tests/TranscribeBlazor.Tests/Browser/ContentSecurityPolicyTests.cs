using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The page does everything it does (circuit, upload, player, download, theme) under its own Content-Security-Policy.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task TheWholeFlow_RunsWithoutASinglePolicyViolation()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.App.BaseAddress.ToString() });
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) lock (violations) violations.Add(message.Text); };
        await page.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' '
              + e.blockedURI + ' ' + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 200) : '') + ' ' + e.sample));
            """);
        await page.GotoAsync("/");
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('" + BrowserFixture.FileInput + "')");
        await page.WaitForTimeoutAsync(500);

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "young man.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path),
        });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => { const a = document.querySelector('[data-testid=player]'); a.muted = true; return a.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=player]').currentTime > 0.3");
        await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-srt]").ClickAsync());
        await page.Locator("[data-testid=theme]").ClickAsync();
        await page.WaitForTimeoutAsync(500);
        await page.Locator("[data-testid=theme]").ClickAsync();
        await page.WaitForTimeoutAsync(500);

        // The reconnect dialog's Reload works without inline script: shown as blazor.web.js shows it, then clicked.
        await page.EvaluateAsync("() => document.getElementById('components-reconnect-modal').className = 'components-reconnect-failed'");
        var reloaded = page.WaitForRequestAsync(r => r.IsNavigationRequest && r.Url.StartsWith(browser.App.BaseAddress.ToString()));
        await page.GetByRole(AriaRole.Button, new() { Name = "Reload the page" }).ClickAsync();
        await reloaded;
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('" + BrowserFixture.FileInput + "')");

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
