using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>Several people at once: each sees only their own transcript, history and settings; one failing harms nobody.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class IsolationTests(IsolationTests.ManyPeople browser, ITestOutputHelper output) : IClassFixture<IsolationTests.ManyPeople>
{
    /// <summary>Loopback makes every tab one client; eight people would each have their own address and limit.</summary>
    public sealed class ManyPeople() : BrowserFixture(new ConfiguredAppServer(new() { ["Transcription:MaxRunsPerClient"] = "8" }));

    [BrowserFact]
    public async Task EightTabsAtOnce_AreIsolated_AndABadFileInOneLeavesTheOthersRunning()
    {
        var utterances = TestAssets.LibriVox();
        // Words only each utterance's own transcript contains (from Debian's reference transcription).
        string[] own = ["leisure", "young man", "selfish", "married", "might even"];
        var pages = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => browser.NewPageAsync()));
        await pages[0].Locator("[data-testid=theme]").ClickAsync(); // one person's setting

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(pages.Select((page, i) => page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(i == 7
            ? new FilePayload { Name = "broken.wav", MimeType = "audio/wav", Buffer = "RIFF but nothing after"u8.ToArray() }
            : new FilePayload { Name = $"tab{i}.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(utterances[i % 5].Path) })));

        await Assertions.Expect(pages[7].Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "error");
        for (int i = 0; i < 7; i++)
        {
            var page = pages[i];
            await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
            string text = string.Join(' ', await page.Locator("[data-testid=final]").AllInnerTextsAsync());
            Assert.Contains(own[i % 5], text);
            foreach (string other in own.Where((_, k) => k != i % 5))
                Assert.DoesNotContain(other, text);
            // The entry is written to the browser's storage after the run ends: wait for it, then read it.
            await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
            var history = await page.Locator("[data-testid=history-item]").AllInnerTextsAsync();
            Assert.Equal($"tab{i}.wav", Assert.Single(history).Split(' ', '\n')[0].Trim());
        }
        output.WriteLine($"8 tabs (7 files, 1 broken) done in {clock.Elapsed.TotalSeconds:0.0} s");

        const string background = "() => getComputedStyle(document.body).backgroundColor";
        string dark = await pages[0].EvaluateAsync<string>(background);
        Assert.NotEqual(dark, await pages[1].EvaluateAsync<string>(background));
        await pages[0].Locator("[data-testid=theme]").ClickAsync(); // back to light
        foreach (var page in pages) await page.CloseAsync();
    }

    [BrowserFact]
    public async Task FileNamesThatLookLikePaths_AreOnlyShown_NeverUsed()
    {
        var started = DateTime.UtcNow;
        var page = await browser.NewPageAsync();
        var wav = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new[]
        {
            new FilePayload { Name = "../../etc/passwd", MimeType = "audio/wav", Buffer = wav },
            new FilePayload { Name = "..\\x.wav", MimeType = "audio/wav", Buffer = wav },
        });
        var history = page.Locator("[data-testid=history-item]");
        await Assertions.Expect(history).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        string shown = string.Join('\n', await history.AllInnerTextsAsync());
        output.WriteLine(shown);
        Assert.Contains("x.wav", shown);
        Assert.Contains("passwd", shown);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=export-txt]").ClickAsync());
        Assert.DoesNotContain("/", download.SuggestedFilename);
        Assert.DoesNotContain("\\", download.SuggestedFilename);
        Assert.DoesNotContain("..", download.SuggestedFilename);
        Assert.Equal("he was not an illness those young man\n", await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.DoesNotContain(new DirectoryInfo(Path.GetTempPath()).EnumerateFileSystemInfos(),
            f => (f.Name.EndsWith("passwd") || f.Name.EndsWith("x.wav")) && f.LastWriteTimeUtc >= started);
    }
}
