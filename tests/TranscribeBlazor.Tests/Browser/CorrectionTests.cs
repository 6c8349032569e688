using System.Globalization;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>Working with a transcript once it is made, in Chromium: find, correct, split, undo, seek from the timeline, export, and find it corrected in history.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class CorrectionTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string CurrentTime = "() => document.querySelector('audio').currentTime";

    [BrowserFact]
    public async Task AFinishedTranscript_IsSearched_Corrected_Split_Undone_Seeked_Exported_AndKeptCorrected()
    {
        var page = await browser.NewPageAsync();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "meeting.wav", MimeType = "audio/wav", Buffer = TestAssets.JoinedLibriVoxWav(out _) });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 90_000 });
        var finals = page.Locator("[data-testid=final]");
        int lines = await finals.CountAsync();
        Assert.True(lines >= 2, $"{lines} lines: the test needs two");

        // Find: a word of the second line; Enter takes the player to its first occurrence.
        var word = finals.Nth(1).Locator("[data-testid=word]").First;
        string text = (await word.InnerTextAsync()).Trim();
        double firstAt = await page.EvaluateAsync<double>("w => Math.min(...[...document.querySelectorAll('[data-testid=word]')].filter(e => e.textContent.trim().toLowerCase() === w).map(e => parseFloat(e.dataset.start)))", text.ToLowerInvariant());
        var find = page.Locator("input[data-testid=find], [data-testid=find] input");
        await find.FillAsync(text);
        await Assertions.Expect(page.Locator("[data-testid=find-count]")).Not.ToHaveTextAsync("no match");
        Assert.True(await page.Locator(".word.find-match").CountAsync() >= 1);
        await find.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=find-count]")).ToContainTextAsync("1 of ");
        await page.WaitForFunctionAsync($"() => Math.abs(({CurrentTime})() - {firstAt.ToString(CultureInfo.InvariantCulture)}) < 0.3");

        // Correct the first line from the keyboard: focus it, Enter, type, Enter.
        await finals.First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var editor = page.Locator("[data-testid=line-editor]");
        await editor.FillAsync("than he was today");
        await editor.PressAsync("Enter");
        await Assertions.Expect(editor).ToHaveCountAsync(0);
        await Assertions.Expect(finals.First).ToContainTextAsync("than he was today");

        // Split it with Shift+Enter, then undo the split.
        await finals.First.Locator("[data-testid=line-edit]").ClickAsync();
        await editor.FillAsync("than he was");
        await editor.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("today");
        await editor.PressAsync("Enter");
        await Assertions.Expect(finals).ToHaveCountAsync(lines + 1);
        await Assertions.Expect(finals.Nth(1)).ToContainTextAsync("today");
        await page.Locator("button[data-testid=undo], [data-testid=undo] button").First.ClickAsync();
        await Assertions.Expect(finals).ToHaveCountAsync(lines);
        await Assertions.Expect(finals.First).ToContainTextAsync("than he was today");

        // Seek from the timeline: half way across is half way through.
        var timeline = page.Locator("[data-testid=timeline]");
        var box = (await timeline.BoundingBoxAsync())!;
        double duration = await page.EvaluateAsync<double>("() => document.querySelector('audio').duration");
        await timeline.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.5f, Y = box.Height / 2 } });
        await page.WaitForFunctionAsync($"() => Math.abs(({CurrentTime})() - {(duration / 2).ToString(CultureInfo.InvariantCulture)}) < 1");

        // Exports use the correction; JSON keeps the recogniser's own lines beside it.
        async Task<string> DownloadAsync(string format)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid=export-{format}]").ClickAsync());
            return await File.ReadAllTextAsync((await download.PathAsync())!);
        }
        string srt = await DownloadAsync("srt");
        string spoken = string.Join(' ', srt.Split('\n').Where(l => l.Length > 0 && !l.Contains("-->") && !l.All(char.IsDigit))); // cues may cut the line
        Assert.StartsWith("than he was today", spoken);
        Assert.StartsWith("1\n00:00:0", srt);
        using (var json = System.Text.Json.JsonDocument.Parse(await DownloadAsync("json")))
        {
            var transcript = json.RootElement.GetProperty("Transcript");
            Assert.Equal("than he was today", transcript.GetProperty("Results")[0].GetProperty("Alternatives")[0].GetProperty("Transcript").GetString());
            Assert.NotEqual("than he was today", transcript.GetProperty("OriginalResults")[0].GetProperty("Alternatives")[0].GetProperty("Transcript").GetString());
        }
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("correction"), FullPage = true });

        // History kept the correction: after a reload it opens corrected.
        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var kept = page.Locator("[data-testid=history-item]", new() { HasText = "meeting.wav" });
        await Assertions.Expect(kept).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await kept.Locator("[data-testid=history-open]").ClickAsync();
        await Assertions.Expect(finals.First).ToContainTextAsync("than he was today");
        output.WriteLine($"{lines} lines; '{text}' first at {firstAt:0.00} s; the file lasts {duration:0.0} s");
    }
}
