using System.Text.Json;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>
/// WCAG 2.1 A/AA as axe-core measures it (contrast of every text, names of controls, roles, landmarks),
/// in the states a user sees, in both themes; and the drop zone from the keyboard.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static FilePayload Utterance(string name, int index) =>
        new() { Name = name, MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[index].Path) };

    [AxeFact]
    public async Task EveryState_PassesWcagAA_InTheLightAndTheDarkTheme()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        violations.AddRange(await AuditAsync(page, "idle, light"));

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new[] { Utterance("one.wav", 0), Utterance("two.wav", 1), Utterance("three.wav", 2) });
        await page.Locator("[data-testid=queue-item]").First.WaitForAsync();
        violations.AddRange(await AuditAsync(page, "running with a queue, light"));

        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(3, new() { Timeout = 60_000 });
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done");
        violations.AddRange(await AuditAsync(page, "done with player and history, light"));

        await BrowserFixture.ToggleThemeAsync(page);
        violations.AddRange(await AuditAsync(page, "done with player and history, dark"));
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "notes.wav", MimeType = "audio/wav", Buffer = "not audio"u8.ToArray() });
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "error");
        violations.AddRange(await AuditAsync(page, "error, dark"));
        await BrowserFixture.ToggleThemeAsync(page); // back to light
        violations.AddRange(await AuditAsync(page, "error, light"));

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [BrowserFact]
    public async Task TheDropZone_IsReachedWithTab_AndOpensTheFileChooserWithEnterAndSpace()
    {
        var page = await browser.NewPageAsync();
        await page.BringToFrontAsync(); // keyboard focus (and :focus-visible) belong to the active tab; other tests' tabs run alongside
        for (int i = 0; i < 30 && !await page.EvaluateAsync<bool>($"() => document.activeElement?.matches('{BrowserFixture.FileInput}') ?? false"); i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>($"() => document.activeElement.matches('{BrowserFixture.FileInput}')"), "Tab never reached the drop zone");
        Assert.True(await page.EvaluateAsync<bool>("() => getComputedStyle(document.querySelector('[data-testid=drop-zone]')).outlineStyle !== 'none'"),
            "the focused drop zone shows no focus ring");

        // The key goes to the drop zone's input itself (Tab reaching it is checked above): a keyboard aimed at
        // "whatever has focus" loses keys to a busy CI machine's window juggling.
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator(BrowserFixture.FileInput).PressAsync("Enter"));
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync(Utterance("keyboard.wav", 1));
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        // Focus moved on to the drop zone's fresh input, so Space opens the chooser again without reaching for the mouse.
        await page.WaitForFunctionAsync($"() => document.activeElement?.matches('{BrowserFixture.FileInput}')", null, new() { Timeout = 5_000 });
        var again = await page.RunAndWaitForFileChooserAsync(() => page.Locator(BrowserFixture.FileInput).PressAsync(" "));
        Assert.True(again.IsMultiple);
    }

    private async Task<IReadOnlyList<string>> AuditAsync(IPage page, string state)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await page.EvaluateAsync(await File.ReadAllTextAsync(TestAssets.Axe!)); // evaluated, not a <script>: the page's CSP forbids inline script
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              // Colours mid-transition (a status chip turning from grey to green, a theme switch) are not what the user reads:
              // wait for every finite transition and animation to end (the indeterminate progress bar runs forever).
              await Promise.all(document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map(a => a.finished.catch(() => {})));
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return {
                passes: r.passes.length,
                violations: r.violations.map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 4).map(n => n.target.join(' ') + (n.any[0]?.message ? ' (' + n.any[0].message + ')' : '')).join('; ')),
              };
            }
            """);
        var violations = result.GetProperty("violations").EnumerateArray().Select(v => $"[{state}] {v.GetString()}").ToArray();
        output.WriteLine($"{state}: {result.GetProperty("passes").GetInt32()} rules pass, {violations.Length} violated");
        return violations;
    }
}
