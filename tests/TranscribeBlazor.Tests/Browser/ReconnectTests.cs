using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The .NET 10 reconnect dialog: a dropped circuit connection rejoins by itself, a paused circuit resumes from its button.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class ReconnectTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Dialog = "#components-reconnect-modal";

    private static FilePayload Utterance(string name) =>
        new() { Name = name, MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path) };

    [BrowserFact]
    public async Task ADroppedConnection_ShowsRejoining_ThenTheDialogClosesByItself_AndTheTranscriptStays()
    {
        var (page, link) = await OpenThroughLinkAsync();
        var panel = page.Locator("[data-testid=transcript]");
        var finals = page.Locator("[data-testid=final]");
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("young man.wav"));
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        var before = await finals.AllInnerTextsAsync();
        Assert.Contains("young man", string.Join(' ', before));
        Assert.Equal(1, link.Connections);

        var dialog = page.Locator(Dialog);
        var clock = Stopwatch.StartNew();
        var outage = Task.Delay(TimeSpan.FromSeconds(2)); // how long the network stays down, not a wait for a result
        await link.DropAsync();
        await Assertions.Expect(dialog).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Assertions.Expect(dialog.GetByText("Rejoining the server")).ToBeVisibleAsync();
        output.WriteLine($"dialog open {clock.ElapsedMilliseconds} ms after the drop");
        await AnimationsFinishedAsync(dialog);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("reconnect") });

        await link.FirstRefusal.WaitAsync(TimeSpan.FromSeconds(10)); // the page really tried to rejoin while the link was down
        await outage;
        await Assertions.Expect(dialog.GetByText("Rejoining the server")).ToBeVisibleAsync(); // nothing got through meanwhile
        await link.RestoreAsync();
        long restored = clock.ElapsedMilliseconds;
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 15_000 });
        output.WriteLine($"link restored at {restored} ms, dialog closed {clock.ElapsedMilliseconds - restored} ms later; {link.Refused} attempts refused, {link.Connections} connections");
        Assert.Equal(2, link.Connections);

        // The same circuit: what was on screen stays, and the page still takes files.
        Assert.Equal(before, await finals.AllInnerTextsAsync());
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done");
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("after rejoin.wav"));
        await Assertions.Expect(page.Locator("#transcript-title")).ToHaveTextAsync("after rejoin.wav");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(finals.First).ToContainTextAsync("young man");
    }

    [BrowserFact]
    public async Task PausingTheCircuit_OffersResume_AndResumeMakesThePageWorkAgain()
    {
        var page = await browser.NewPageAsync();
        var panel = page.Locator("[data-testid=transcript]");
        var finals = page.Locator("[data-testid=final]");
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("young man.wav"));
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        Assert.Contains("young man", string.Join(' ', await finals.AllInnerTextsAsync()));
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
        await page.EvaluateAsync("() => { window.__panelBeforePause = document.querySelector('[data-testid=transcript]'); }");

        Assert.True(await page.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"));
        var dialog = page.Locator(Dialog);
        await Assertions.Expect(dialog).ToHaveClassAsync(new Regex("components-reconnect-paused"));
        await Assertions.Expect(dialog.GetByText("The session is paused")).ToBeVisibleAsync();
        var resume = dialog.GetByRole(AriaRole.Button, new() { Name = "Resume" });
        await Assertions.Expect(resume).ToBeVisibleAsync();
        await Assertions.Expect(resume).ToBeFocusedAsync(); // the keyboard is on the one thing to do
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Retry" })).ToBeHiddenAsync();
        int whilePaused = await finals.CountAsync();
        await AnimationsFinishedAsync(dialog);
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("reconnect-paused") });

        await resume.ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 10_000 });
        // Resume starts a new circuit, which renders the page afresh (new elements): wait for that render before looking.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=transcript]') !== window.__panelBeforePause", null, new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1); // history is read from browser storage again
        int afterResume = await finals.CountAsync();
        string? state = await panel.GetAttributeAsync("data-state");
        output.WriteLine($"finals on screen: {whilePaused} while paused, {afterResume} after resume (panel state '{state}'); the run stays in the history list");
        // The new circuit's session starts empty, but the page carries the transcript on screen across the pause.
        Assert.Equal(whilePaused, afterResume);
        Assert.Equal("done", state);
        await Assertions.Expect(panel).ToContainTextAsync("Restored after the pause");
        Assert.Contains("young man", string.Join(' ', await finals.AllInnerTextsAsync()));

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("after resume.wav"));
        await Assertions.Expect(page.Locator("#transcript-title")).ToHaveTextAsync("after resume.wav");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(finals.First).ToContainTextAsync("young man");
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(2);
    }

    [AxeFact]
    public async Task TheDialog_PassesWcagAA_InTheLightAndTheDarkTheme()
    {
        var violations = new List<string>();
        var light = await browser.NewPageAsync();
        violations.AddRange(await AuditPausedDialogAsync(light, "light"));

        var dark = await browser.NewPageAsync();
        await dark.Locator("[data-testid=theme]").ClickAsync();
        await dark.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'");
        violations.AddRange(await AuditPausedDialogAsync(dark, "dark"));

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    /// <summary>A fresh tab whose circuit connection goes through a <see cref="CircuitLink"/> (routed before the page loads).</summary>
    private async Task<(IPage Page, CircuitLink Link)> OpenThroughLinkAsync()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = browser.App.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        });
        page.SetDefaultTimeout(30_000);
        var link = await CircuitLink.AttachAsync(page);
        await page.GotoAsync("/");
        // As BrowserFixture.OpenAsync: interactive once the circuit is up.
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        return (page, link);
    }

    /// <summary>The dialog's fade and slide have run, so a screenshot or a contrast check sees it as the user does.</summary>
    private static Task AnimationsFinishedAsync(ILocator dialog) =>
        dialog.EvaluateAsync("d => Promise.all(d.getAnimations().map(a => a.finished.catch(() => {})))");

    private async Task<IReadOnlyList<string>> AuditPausedDialogAsync(IPage page, string theme)
    {
        var dialog = page.Locator(Dialog);
        Assert.True(await page.EvaluateAsync<bool>("() => Blazor.pauseCircuit()"));
        await Assertions.Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeVisibleAsync();
        await AnimationsFinishedAsync(dialog);
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await page.EvaluateAsync(await File.ReadAllTextAsync(TestAssets.Axe!)); // evaluated, not a <script>: the page's CSP forbids inline script
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const d = document.getElementById('components-reconnect-modal');
              const r = await axe.run(d, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              const style = e => { const s = getComputedStyle(e); return s.color + ' on ' + s.backgroundColor; };
              return {
                passes: r.passes.map(p => p.id),
                colours: 'text ' + style(d) + ', button ' + style(document.getElementById('components-resume-button')),
                violations: r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.map(n => n.target.join(' ') + (n.any[0]?.message ? ' (' + n.any[0].message + ')' : '')).join('; ')),
              };
            }
            """);
        var passes = result.GetProperty("passes").EnumerateArray().Select(p => p.GetString()!).ToArray();
        output.WriteLine($"{theme}: {result.GetProperty("colours").GetString()}; passes {string.Join(", ", passes)}");
        Assert.Contains("color-contrast", passes); // the check really ran on the dialog's text
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync(new() { Timeout = 10_000 });
        return result.GetProperty("violations").EnumerateArray().Select(v => $"[{theme}] {v.GetString()}").ToArray();
    }
}
