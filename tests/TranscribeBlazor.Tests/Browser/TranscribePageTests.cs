using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

[Trait(Category.Name, Category.Browser)]
public sealed class TranscribePageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // Records every distinct partial text and the moment the first final appears, from inside the page,
    // so nothing between two polls is missed.
    private const string WatchPartials = """
        () => {
          window.__partials = [];
          window.__partialsBeforeFinal = null;
          const seen = () => {
            const p = document.querySelector('[data-testid=partial] .segment-text');
            const text = p ? p.textContent.trim() : '';
            if (text && window.__partials[window.__partials.length - 1] !== text) window.__partials.push(text);
            if (window.__partialsBeforeFinal === null && document.querySelector('[data-testid=final]'))
              window.__partialsBeforeFinal = new Set(window.__partials).size;
          };
          new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    [BrowserFact]
    public async Task DroppingASpeechWav_ShowsRewritingPartials_ThenTimedFinals_ThenDone()
    {
        var page = await browser.NewPageAsync();
        var wav = TestAssets.JoinedLibriVoxWav(out _);
        await page.EvaluateAsync(WatchPartials);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "librivox.wav",
            MimeType = "audio/wav",
            Buffer = wav,
        });

        var panel = page.Locator("[data-testid=transcript]");
        await page.Locator("[data-testid=partial]").First.WaitForAsync();
        output.WriteLine($"drop to first partial on screen: {clock.ElapsedMilliseconds} ms");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("running-with-partial") });
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        output.WriteLine($"drop to done: {clock.ElapsedMilliseconds} ms for {wav.Length / 32_000.0:0.0} s of audio");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("done"), FullPage = true });

        int distinctBeforeFinal = await page.EvaluateAsync<int>("() => window.__partialsBeforeFinal ?? 0");
        var partials = await page.EvaluateAsync<string[]>("() => window.__partials");
        output.WriteLine($"{partials.Length} partial renders, {distinctBeforeFinal} distinct before the first final");
        Assert.True(distinctBeforeFinal >= 3, $"only {distinctBeforeFinal} distinct partial texts before the first final");

        var finals = await page.Locator("[data-testid=final]").AllInnerTextsAsync();
        string all = string.Join(' ', finals).ToLowerInvariant();
        Assert.True(finals.Count >= 4, $"expected one final per utterance, got {finals.Count}");
        foreach (var word in new[] { "leisure", "young man", "selfish", "amiable" })
            Assert.Contains(word, all);
        Assert.Matches(@"\d:\d\d\.\d – \d:\d\d\.\d", finals[0]);
        Assert.Equal(0, await page.Locator("[data-testid=partial]").CountAsync());
    }

    [BrowserFfmpegFact]
    public async Task DroppingAnM4aWithItsIndexAtTheEnd_IsTranscribed_AndPlaysFromTheBrowsersCopy()
    {
        var page = await browser.NewPageAsync();
        var (wav, reference) = TestAssets.LibriVox()[0];
        var m4a = Tools.Ffmpeg(File.ReadAllBytes(wav), "-c:a", "aac", "-b:a", "64k", "-f", "ipod"); // ffmpeg's default: index last

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "voice memo.m4a", MimeType = "audio/mp4", Buffer = m4a });

        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await Assertions.Expect(panel).ToContainTextAsync("MP4/M4A");
        string text = string.Join(' ', await page.Locator("[data-testid=final]").Locator(".segment-text").AllInnerTextsAsync());
        double wer = (double)WordErrorRate.Errors(reference, text) / WordErrorRate.Words(reference).Length;
        output.WriteLine($"index-last M4A in the browser: WER {wer:P0}: {text}");
        Assert.True(wer < 0.4, $"WER {wer:P0}: {text}"); // 32% measured at 64 kbit/s AAC; the WAV itself scores about 23%
        double duration = await page.Locator("[data-testid=player]").EvaluateAsync<double>(
            "a => new Promise(r => a.readyState >= 1 ? r(a.duration) : a.addEventListener('loadedmetadata', () => r(a.duration)))");
        Assert.InRange(duration, 6.5, 7.5); // the browser plays its own copy of the 7.1 s file
    }

    [BrowserFfmpegFact]
    public async Task DroppingAWmaTheBrowserCannotPlay_IsTranscribed_AndThePlayerStepsAside()
    {
        var page = await browser.NewPageAsync();
        var (wav, _) = TestAssets.LibriVox()[1];
        var wma = Tools.Ffmpeg(File.ReadAllBytes(wav), "-c:a", "wmav2", "-b:a", "64k", "-f", "asf");

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "dictation.wma", MimeType = "audio/x-ms-wma", Buffer = wma });

        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
        await Assertions.Expect(page.Locator(".audio-player")).ToBeHiddenAsync(); // Chromium plays no WMA
    }

    [BrowserFact]
    public async Task DroppingANonWavFile_ShowsAnError_AndTheNextGoodFileStillWorks()
    {
        var page = await browser.NewPageAsync();
        var input = page.Locator(BrowserFixture.FileInput);

        await input.SetInputFilesAsync(new FilePayload { Name = "notes.wav", MimeType = "audio/wav", Buffer = "Meeting notes, not audio.\n"u8.ToArray() });
        var error = page.Locator("[data-testid=error]");
        await Assertions.Expect(error).ToBeVisibleAsync();
        await Assertions.Expect(error).ToContainTextAsync("text file");
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "error");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("error") });

        await input.SetInputFilesAsync(new FilePayload { Name = "good.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path) });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
        Assert.Equal(0, await error.CountAsync());
    }

    [BrowserFact]
    public async Task Cancel_StopsTheRun_KeepsWhatWasTranscribed_AndASecondFileCanFollow()
    {
        var page = await browser.NewPageAsync();
        var input = page.Locator(BrowserFixture.FileInput);
        // Two minutes of speech: long enough that Cancel lands mid-run.
        var one = TestAssets.JoinedLibriVoxWav(out _);
        var samples = TestAssets.ReadPcm16(one);
        var longWav = WavBuilder.Pcm16([.. samples, .. samples, .. samples, .. samples], 16_000, 1);

        await input.SetInputFilesAsync(new FilePayload { Name = "long.wav", MimeType = "audio/wav", Buffer = longWav });
        await page.Locator("[data-testid=final]").First.WaitForAsync();
        await page.Locator("[data-testid=cancel]").ClickAsync();
        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "cancelled");
        int kept = await page.Locator("[data-testid=final]").CountAsync();
        Assert.True(kept >= 1);
        Assert.True(kept < 20, $"{kept} finals: the run was not cancelled early");

        await input.SetInputFilesAsync(new FilePayload { Name = "second.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path) });
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
    }

    [BrowserFact]
    public async Task ClosingTheTab_CancelsTheRun_AndReturnsTheDecoderToThePool()
    {
        var pool = browser.App.Services.GetRequiredService<TranscribeBlazor.Engines.PocketSphinx.DecoderPool>();
        var page = await browser.NewPageAsync();
        var samples = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out _));
        var longWav = WavBuilder.Pcm16([.. samples, .. samples, .. samples, .. samples, .. samples, .. samples], 16_000, 1);
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "long.wav", MimeType = "audio/wav", Buffer = longWav });
        await page.Locator("[data-testid=partial]").First.WaitForAsync();
        Assert.True(pool.Created > pool.Idle, "a decoder should be in use while transcribing");

        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Signals.WaitUntilAsync(() => pool.Created == pool.Idle, TimeSpan.FromSeconds(10));
        output.WriteLine($"decoder back in the pool {clock.ElapsedMilliseconds} ms after the tab closed");
    }

    [BrowserFact]
    public async Task AnOpusFile_ThenABrokenFile_OneAfterTheOther()
    {
        if (!Tools.FfmpegAvailable) Assert.Fail("ffmpeg is needed to make the Opus file (.ci/run installs it)");
        var page = await browser.NewPageAsync();
        var input = page.Locator(BrowserFixture.FileInput);
        var panel = page.Locator("[data-testid=transcript]");
        var opus = Tools.Ffmpeg(TestAssets.JoinedLibriVoxWav(out _), "-c:a", "libopus", "-b:a", "32k", "-f", "ogg");

        await input.SetInputFilesAsync(new FilePayload { Name = "talk.opus", MimeType = "audio/ogg", Buffer = opus });
        await Assertions.Expect(page.Locator(".transcript-format")).ToContainTextAsync("Ogg · opus · 48 kHz · mono");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        var finals = string.Join(' ', await page.Locator("[data-testid=final]").AllInnerTextsAsync());
        Assert.Contains("amiable", finals);

        // Damaged: an Ogg page signature followed by rubbish.
        await input.SetInputFilesAsync(new FilePayload { Name = "broken.ogg", MimeType = "audio/ogg", Buffer = "OggS"u8.ToArray().Concat(Enumerable.Range(0, 5_000).Select(i => (byte)(i * 31))).ToArray() });
        var error = page.Locator("[data-testid=error]");
        await Assertions.Expect(error).ToContainTextAsync("broken.ogg: This looks like an Ogg file, but it could not be decoded");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("broken-after-opus"), FullPage = true });
        // The Opus transcript is still on screen, and the page still takes files.
        Assert.Contains("amiable", string.Join(' ', await page.Locator("[data-testid=final]").AllInnerTextsAsync()));
        await input.SetInputFilesAsync(new FilePayload { Name = "again.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path) });
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
    }

    [BrowserFact]
    public async Task EachExport_DownloadsTheTranscriptInItsFormat()
    {
        var page = await browser.NewPageAsync();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "young man.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path),
        });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });

        async Task<(string Name, string Text)> DownloadAsync(string format)
        {
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator($"[data-testid=export-{format}]").ClickAsync());
            return (download.SuggestedFilename, await File.ReadAllTextAsync((await download.PathAsync())!));
        }

        var txt = await DownloadAsync("txt");
        Assert.Equal("young man.txt", txt.Name);
        Assert.Equal("he was not an illness those young man\n", txt.Text);

        var srt = await DownloadAsync("srt");
        Assert.Equal("young man.srt", srt.Name);
        Assert.Matches(@"^1\n00:00:0\d,\d{3} --> 00:00:0\d,\d{3}\nhe was not an illness those young man\n\n$", srt.Text);

        var vtt = await DownloadAsync("vtt");
        Assert.StartsWith("WEBVTT\n\n00:00:0", vtt.Text);
        Assert.Contains("he was not an illness those young man", vtt.Text);

        var json = await DownloadAsync("json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Text);
        var result = doc.RootElement.GetProperty("Transcript").GetProperty("Results")[0];
        Assert.False(result.GetProperty("IsPartial").GetBoolean());
        Assert.Equal("young", result.GetProperty("Alternatives")[0].GetProperty("Items")[6].GetProperty("Content").GetString());
    }

    [BrowserFact]
    public async Task AFinishedTranscript_IsKeptInHistory_AcrossAReload_AndOpens_RenamesAndDeletes()
    {
        var page = await browser.NewPageAsync();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "kept.wav", MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path),
        });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        var item = page.Locator("[data-testid=history-item]", new() { HasText = "kept.wav" });
        await Assertions.Expect(item).ToHaveCountAsync(1);

        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(item).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=final]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("history"), FullPage = true });

        await item.Locator("[data-testid=history-open]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToContainTextAsync("From history");

        await item.Locator("[data-testid=history-rename]").ClickAsync();
        await page.Locator("[data-testid=history-rename-input]").FillAsync("Austen, chapter one");
        await page.Locator("[data-testid=history-rename-save]").ClickAsync();
        var renamed = page.Locator("[data-testid=history-item]", new() { HasText = "Austen, chapter one" });
        await Assertions.Expect(renamed).ToHaveCountAsync(1);

        // Delete asks first: keeping it changes nothing, confirming removes it.
        await renamed.Locator("[data-testid=history-delete]").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(renamed).ToHaveCountAsync(1);
        await renamed.Locator("[data-testid=history-delete]").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("history-delete-dialog") });
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Assertions.Expect(renamed).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task TheDarkTheme_AppliesAtOnce_AndSurvivesAReload()
    {
        var page = await browser.NewPageAsync();
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        string light = await page.EvaluateAsync<string>(background);
        string dark = await BrowserFixture.ToggleThemeAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("dark-theme"), FullPage = true });

        await page.ReloadAsync();
        await page.WaitForFunctionAsync($"() => ({background})() === '{dark}'", null, new() { Timeout = 15_000 });

        await page.Locator("[data-testid=theme]").ClickAsync(); // back to light for the other tests' screenshots
        await page.WaitForFunctionAsync($"() => ({background})() === '{light}'");
    }

    [BrowserFact]
    public async Task ThePlayer_LightsTheWordBeingSpoken_AndAClickOnAWordSeeksThere()
    {
        var page = await browser.NewPageAsync();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "librivox.wav", MimeType = "audio/wav", Buffer = TestAssets.JoinedLibriVoxWav(out _),
        });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        var player = page.Locator("[data-testid=player]");
        await Assertions.Expect(player).ToBeVisibleAsync();

        await page.EvaluateAsync("() => { const a = document.querySelector('[data-testid=player]'); a.muted = true; return a.play(); }");
        var current = page.Locator("[data-testid=word].current");
        await Assertions.Expect(current).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        string first = (await current.GetAttributeAsync("data-start"))!;
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=word].current')?.dataset.start !== '{first}'", null, new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("player"), FullPage = true });
        await page.EvaluateAsync("() => document.querySelector('[data-testid=player]').pause()");

        var target = page.Locator("[data-testid=word]", new() { HasText = "amiable" }).First;
        double start = double.Parse((await target.GetAttributeAsync("data-start"))!, System.Globalization.CultureInfo.InvariantCulture);
        await target.ClickAsync();
        await page.WaitForFunctionAsync($"() => Math.abs(document.querySelector('[data-testid=player]').currentTime - {start.ToString(System.Globalization.CultureInfo.InvariantCulture)}) < 0.05");
        await Assertions.Expect(target).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("current"));
        Assert.Contains("confidence", await target.GetAttributeAsync("title"));
    }

    [BrowserFact]
    public async Task SeveralFilesDropped_WaitTheirTurn_CanBeRemoved_AndTheRestAllFinish()
    {
        var page = await browser.NewPageAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("idle"), FullPage = true });
        var utterances = TestAssets.LibriVox();
        FilePayload Wav(string name, byte[] bytes) => new() { Name = name, MimeType = "audio/wav", Buffer = bytes };

        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new[]
        {
            Wav("first.wav", TestAssets.JoinedLibriVoxWav(out _)),
            Wav("second.wav", File.ReadAllBytes(utterances[1].Path)),
        });
        var waiting = page.Locator("[data-testid=queue-item]");
        await Assertions.Expect(waiting).ToHaveCountAsync(1);
        await Assertions.Expect(waiting).ToContainTextAsync("second.wav");
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToContainTextAsync("elapsed");

        // A second drop while the first file runs joins the queue (through a fresh input: the earlier one keeps its files).
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Wav("third.wav", File.ReadAllBytes(utterances[3].Path)));
        await Assertions.Expect(waiting).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("queue"), FullPage = true });
        await waiting.Filter(new() { HasText = "second.wav" }).Locator("[data-testid=queue-remove]").ClickAsync();
        await Assertions.Expect(waiting).ToHaveCountAsync(1);

        var history = page.Locator("[data-testid=history-item]");
        await Assertions.Expect(history.Filter(new() { HasText = "first.wav" })).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(history.Filter(new() { HasText = "third.wav" })).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        Assert.Equal(0, await history.Filter(new() { HasText = "second.wav" }).CountAsync());
        Assert.Equal(0, await waiting.CountAsync());

        // On screen: the last file, done, with its own audio in the player.
        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done");
        await Assertions.Expect(panel.Locator("h2")).ToHaveTextAsync("third.wav");
        double expected = TestAssets.ReadPcm16(File.ReadAllBytes(utterances[3].Path)).Length / 16_000.0;
        await page.WaitForFunctionAsync($"() => Math.abs(document.querySelector('[data-testid=player]').duration - {expected.ToString(System.Globalization.CultureInfo.InvariantCulture)}) < 0.1");
        // Nothing waits any more, so the drop zone let the used inputs go: one fresh input is left.
        await Assertions.Expect(page.Locator("[data-testid=drop-zone] input[type=file]")).ToHaveCountAsync(1);
    }
}
