using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>Chromium's fake capture device plays real speech into the microphone: Record, watch, Stop.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class MicrophoneTests(FakeMicrophoneFixture browser, ITestOutputHelper output) : IClassFixture<FakeMicrophoneFixture>
{
    // Keeps the page's microphone tracks where a test can reach them, to play the part of the device going away.
    private const string KeepTracks = """
        const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = async constraints => {
          const stream = await getUserMedia(constraints);
          window.microphoneTracks = stream.getAudioTracks();
          return stream;
        };
        """;

    [BrowserFact]
    public async Task Recording_ShowsPartialsAndALevel_AndStop_SettlesFinals_IntoHistory_WithTheAudioPlayable()
    {
        var page = await browser.NewPageAsync();
        page.Console += (_, m) => output.WriteLine($"console {m.Type}: {m.Text}");
        page.Response += (_, r) => { if (r.Status >= 400) output.WriteLine($"{r.Status} {r.Url}"); };
        var panel = page.Locator("[data-testid=transcript]");
        var partials = new List<string>();
        var levels = new List<double>();
        bool pictured = false;

        await page.Locator("[data-testid=record]").ClickAsync();
        var stop = page.Locator("[data-testid=stop-recording]");
        await stop.WaitForAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < browser.Speech.Seconds + 0.5)
        {
            if (await page.Locator("[data-testid=partial] .segment-text").AllTextContentsAsync() is [var text] && text.Length > 0 && !partials.Contains(text))
                partials.Add(text);
            if (await page.Locator("[data-testid=level]").GetAttributeAsync("value") is { } level)
                levels.Add(double.Parse(level, System.Globalization.CultureInfo.InvariantCulture));
            // The picture is taken inside the bounded loop: a slow screenshot on a loaded machine must not lengthen the recording.
            if (!pictured && clock.Elapsed.TotalSeconds > 10)
            {
                pictured = true;
                await Assertions.Expect(page.Locator("[data-testid=recorded]")).ToContainTextAsync("0:1"); // ten seconds and more
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("recording"), FullPage = true });
            }
            await Task.Delay(50);
        }
        await stop.ClickAsync();
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("recording-done"), FullPage = true });

        var finals = await page.Locator("[data-testid=final] .segment-text").AllInnerTextsAsync();
        string reference = string.Join(' ', browser.Speech.References);
        double wer = WordErrorRate.Errors(reference, string.Join(' ', finals)) / (double)WordErrorRate.Words(reference).Length;
        output.WriteLine($"{partials.Count} distinct partials; level {levels.Min():0.00}–{levels.Max():0.00}; WER {wer:P1}; finals: {string.Join(" | ", finals)}");
        Assert.True(partials.Count >= 3, $"only {partials.Count} partials");
        Assert.True(levels.Max() > 0.5 && levels.Min() < 0.2, "the level meter did not follow the speech");
        string said = string.Join(' ', finals).ToLowerInvariant();
        Assert.Contains("leisure", said);
        Assert.Contains("selfish", said);
        Assert.True(wer < 0.5, $"WER {wer:P1}");
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=record]")).ToBeEnabledAsync();

        var player = page.Locator("[data-testid=player]");
        await Assertions.Expect(player).ToBeVisibleAsync();
        double duration = await player.EvaluateAsync<double>("a => new Promise(r => a.readyState >= 1 ? r(a.duration) : a.addEventListener('loadedmetadata', () => r(a.duration)))");
        output.WriteLine($"recorded {duration:0.00} s for {browser.Speech.Seconds:0.00} s of speech");
        Assert.InRange(duration, browser.Speech.Seconds - 1, browser.Speech.Seconds + 3);
        // The recording plays with its words lit, like a file's.
        await page.Locator("[data-testid=word]").Nth(3).ClickAsync();
        await player.EvaluateAsync("a => a.play()");
        await Assertions.Expect(page.Locator("[data-testid=word].current")).ToHaveCountAsync(1);
        await page.CloseAsync();
    }

    /// <summary>The worklet's resampler, run in the browser on tones: speech-band tones keep their level and phase, tones above 8 kHz are gone.</summary>
    [BrowserTheory]
    [InlineData(48_000)]
    [InlineData(44_100)]
    [InlineData(16_000)]
    [InlineData(8_000)]
    public async Task TheCaptureResampler_KeepsTheSpeechBand_AndRemovesWhatWouldAlias(int inputRate)
    {
        var page = await browser.NewPageAsync();
        var result = await page.EvaluateAsync<double[]>("""
            async inputRate => {
              const { Resampler } = await import("/js/pcm-capture.worklet.js");
              const measure = (frequency) => {
                const resampler = new Resampler(inputRate, 16000);
                const out = new Int16Array(32000);
                const block = new Float32Array(128);
                let written = 0;
                for (let t = 0; t < inputRate * 2;) {
                  for (let i = 0; i < 128; i++, t++) block[i] = 0.5 * Math.sin(2 * Math.PI * frequency * t / inputRate);
                  written += resampler.push(block, out.subarray(written));
                }
                // Amplitude, and distance from the ideal 16 kHz sine (same phase: output sample 0 is input sample 0).
                let power = 0, error = 0;
                for (let i = 4000; i < 28000; i++) {
                  const x = out[i] / 32768;
                  power += x * x;
                  error += (x - 0.5 * Math.sin(2 * Math.PI * frequency * i / 16000)) ** 2;
                }
                return [written, Math.sqrt(2 * power / 24000), Math.sqrt(error / 24000)];
              };
              return [...measure(1000), ...(inputRate > 16000 ? measure(Math.min(12000, inputRate / 2 - 1000)) : [0, 0, 0])];
            }
            """, inputRate);
        output.WriteLine($"{inputRate} Hz: {result[0]} samples in 2 s; 1 kHz amplitude {result[1]:0.0000}, error {result[2]:0.00000}; above 8 kHz amplitude {result[4]:0.0000}");
        Assert.InRange(result[0], 31_900, 32_000);
        Assert.InRange(result[1], 0.495, 0.505);
        Assert.True(result[2] < 0.001, $"1 kHz off the ideal by {result[2]}");
        Assert.True(result[4] < 0.001, $"a tone above 8 kHz came through at {result[4]}");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task TheMicrophoneGoingAway_EndsTheRecordingWithAMessage_KeepingItsTranscript()
    {
        var page = await browser.Browser.NewPageAsync(new() { BaseURL = browser.App.BaseAddress.ToString() });
        await page.AddInitScriptAsync(KeepTracks);
        await page.GotoAsync("/");
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        await page.Locator("[data-testid=record]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("leisure", new() { Timeout = 30_000 });
        await page.EvaluateAsync("() => window.microphoneTracks[0].dispatchEvent(new Event('ended'))"); // what Chromium fires when a device is unplugged

        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(panel).ToContainTextAsync("The microphone was disconnected at");
        await Assertions.Expect(page.Locator("[data-testid=final]").First).ToContainTextAsync("leisure");
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=record]")).ToBeEnabledAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => window.microphoneTracks[0].readyState === 'live'"), "the microphone was left open");
        await page.CloseAsync();
    }
}

/// <summary>
/// A server that cannot keep up (its one recogniser busy with another tab's long file): the recording's
/// audio waits in a small server buffer, then in the browser, the user is told, and past the limit
/// recording stops with a message — memory on neither side grows without bound.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class MicrophoneBackPressureTests(MicrophoneBackPressureTests.BusyServer browser, ITestOutputHelper output) : IClassFixture<MicrophoneBackPressureTests.BusyServer>
{
    public sealed class BusyServer() : FakeMicrophoneFixture(new ConfiguredAppServer(new()
    {
        ["Transcription:PocketSphinx:MaxDecoders"] = "1",
        ["Transcription:MaxRunsPerClient"] = "8",
        ["Transcription:LiveBufferSeconds"] = "1",
        ["Transcription:LiveBrowserBacklogSeconds"] = "5",
    }));

    [BrowserFact]
    public async Task WhenTheServerFallsBehind_TheUserIsTold_AndRecordingStopsAtTheLimit_KeepingWhatReachedIt()
    {
        var samples = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out _));
        var longWav = WavBuilder.Pcm16([.. samples, .. samples, .. samples, .. samples], 16_000, 1);
        var busy = await browser.NewPageAsync();
        await busy.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "long.wav", MimeType = "audio/wav", Buffer = longWav });
        await busy.Locator("[data-testid=partial]").First.WaitForAsync();

        var page = await browser.NewPageAsync();
        await page.Locator("[data-testid=record]").ClickAsync();
        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToContainTextAsync("you are next");
        var behind = page.Locator("[data-testid=behind]");
        await Assertions.Expect(behind).ToContainTextAsync("behind your voice", new() { Timeout = 15_000 });
        output.WriteLine(await behind.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("recording-behind"), FullPage = true });
        // Past 1 s on the server and 5 s in the browser, recording stops by itself.
        await Assertions.Expect(page.Locator("[data-testid=stop-recording]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        await busy.Locator("[data-testid=cancel]").ClickAsync();
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        string message = await panel.Locator(".transcript-message").InnerTextAsync();
        output.WriteLine(message);
        Assert.Contains("The server fell more than 6 s behind the microphone", message);
        await busy.CloseAsync();
        await page.CloseAsync();
    }
}

/// <summary>The microphone refused or absent: a clear message, and the transcript already on screen stays.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class MicrophoneRefusedTests(MicrophoneRefusedTests.NoPermission denied, MicrophoneRefusedTests.NoDevice absent, ITestOutputHelper output)
    : IClassFixture<MicrophoneRefusedTests.NoPermission>, IClassFixture<MicrophoneRefusedTests.NoDevice>
{
    /// <summary>A fake device, but no automatic "allow": headless Chromium answers the prompt with "block".</summary>
    public sealed class NoPermission : BrowserFixture
    {
        protected override IEnumerable<string> BrowserArguments => ["--use-fake-device-for-media-stream", "--deny-permission-prompts"];
    }

    /// <summary>
    /// Permission granted, but this machine has no sound card and no fake device is asked for. The name
    /// insecure.test reaches the app too, over plain HTTP from a host that is not this machine's.
    /// </summary>
    public sealed class NoDevice : BrowserFixture
    {
        protected override IEnumerable<string> BrowserArguments => ["--use-fake-ui-for-media-stream", "--host-resolver-rules=MAP insecure.test 127.0.0.1"];
    }

    private static async Task<IPage> PageWithATranscriptAsync(BrowserFixture browser)
    {
        var page = await browser.NewPageAsync();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(TestAssets.LibriVox()[1].Path);
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        return page;
    }

    [BrowserFact]
    public async Task PermissionDenied_SaysHowToAllowIt_AndKeepsTheTranscript()
    {
        var page = await PageWithATranscriptAsync(denied);
        string before = await page.Locator("[data-testid=final]").InnerTextAsync();
        await page.Locator("[data-testid=record]").ClickAsync();
        var error = page.Locator("[data-testid=error]");
        await Assertions.Expect(error).ToContainTextAsync("not allowed to use the microphone");
        output.WriteLine(await error.InnerTextAsync());
        Assert.Equal(before, await page.Locator("[data-testid=final]").InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-testid=record]")).ToBeEnabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=stop-recording]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("microphone-denied"), FullPage = true });
    }

    [BrowserFact]
    public async Task OverPlainHttpFromAnotherHost_RecordIsDisabled_AndSaysHttpsIsNeeded()
    {
        var page = await absent.Browser.NewPageAsync();
        await page.GotoAsync($"http://insecure.test:{absent.App.BaseAddress.Port}/");
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        Assert.False(await page.EvaluateAsync<bool>("() => window.isSecureContext"));
        await Assertions.Expect(page.Locator("[data-testid=record]")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator(".recorder-hint")).ToContainTextAsync("Recording needs a secure connection: open this page over HTTPS");
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task NoMicrophone_SaysSo_AndKeepsTheTranscript()
    {
        var page = await PageWithATranscriptAsync(absent);
        string before = await page.Locator("[data-testid=final]").InnerTextAsync();
        await page.Locator("[data-testid=record]").ClickAsync();
        var error = page.Locator("[data-testid=error]");
        await Assertions.Expect(error).ToContainTextAsync("No microphone was found");
        output.WriteLine(await error.InnerTextAsync());
        Assert.Equal(before, await page.Locator("[data-testid=final]").InnerTextAsync());
    }
}
