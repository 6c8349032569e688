using System.Globalization;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The recording timeline under the player, in Chromium: drawn from the server's loudness, and seeking the player.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class TimelineTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Player = "document.querySelector('[data-testid=player]')";

    [BrowserFact]
    public async Task AfterAFileIsTranscribed_TheTimelineShowsIt_AndAClickThereSeeksThePlayer()
    {
        var page = await browser.NewPageAsync();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "librivox.wav", MimeType = "audio/wav", Buffer = TestAssets.JoinedLibriVoxWav(out _),
        });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });

        var timeline = page.Locator("[data-testid=timeline]");
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        await Assertions.Expect(timeline.Locator("[data-testid=timeline-loudness]")).ToHaveCountAsync(1);
        int segments = await timeline.Locator("[data-testid=timeline-segment]").CountAsync();
        int finals = await page.Locator("[data-testid=final]").CountAsync();
        output.WriteLine($"{finals} finals drawn as {segments} segment runs");
        Assert.InRange(segments, 2, finals); // the utterances are a second of silence apart: separate runs, merged at most

        double duration = await page.Locator("[data-testid=player]").EvaluateAsync<double>(
            "a => new Promise(r => a.readyState >= 1 ? r(a.duration) : a.addEventListener('loadedmetadata', () => r(a.duration)))");
        var box = (await timeline.BoundingBoxAsync())!;
        await timeline.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.75f, Y = box.Height / 2 } });

        string expected = (duration * 0.75).ToString(CultureInfo.InvariantCulture);
        string tolerance = (duration * 0.01).ToString(CultureInfo.InvariantCulture); // a pixel of ~1,000 is 0.1 %
        await page.WaitForFunctionAsync($"() => Math.abs({Player}.currentTime - {expected}) < {tolerance}", null, new() { Timeout = 10_000 });
        // The position marker follows the player there, and the slider says where it is.
        await page.WaitForFunctionAsync("() => Math.abs(parseFloat(document.querySelector('[data-testid=timeline-position]').style.left) - 75) < 1", null, new() { Timeout = 10_000 });
        Assert.InRange(double.Parse((await timeline.GetAttributeAsync("aria-valuenow"))!, CultureInfo.InvariantCulture), duration * 0.74, duration * 0.76);

        // From the keyboard: Home goes back to the start.
        await timeline.FocusAsync();
        await timeline.PressAsync("Home");
        await page.WaitForFunctionAsync($"() => {Player}.currentTime < 0.01", null, new() { Timeout = 10_000 });

        await timeline.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.3f, Y = box.Height / 2 } });
        await page.WaitForFunctionAsync("() => Math.abs(parseFloat(document.querySelector('[data-testid=timeline-position]').style.left) - 30) < 1", null, new() { Timeout = 10_000 });
        // For docs/screenshots/timeline.png: the player, the timeline and the transcript under the app bar.
        await page.EvaluateAsync("() => { document.activeElement?.blur(); window.scrollTo(0, document.querySelector('.audio-player').getBoundingClientRect().top + window.scrollY - 80); }");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("timeline") });
    }
}
