using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The page does everything it does (circuit, upload, player, download, theme) under its own Content-Security-Policy.</summary>
[Trait(Category.Name, Category.Browser)]
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
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "young man.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path),
        });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => { const a = document.querySelector('[data-testid=player]'); a.muted = true; return a.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=player]').currentTime > 0.3");
        await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-srt]").ClickAsync());
        await BrowserFixture.ToggleThemeAsync(page);
        await BrowserFixture.ToggleThemeAsync(page);

        // The reconnect dialog (an external module) opens on a real circuit pause, and its Resume brings the circuit back.
        var dialog = page.Locator("#components-reconnect-modal");
        Assert.True(await page.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 10_000 });

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
