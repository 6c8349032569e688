using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The app configured for Amazon Transcribe, pointed at the local fake service.</summary>
public sealed class AwsAppServer(FakeTranscribeFixture fake) : AppServer
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Transcription:Aws:Endpoint"] = fake.Server.Endpoint.ToString(),
        ["Transcription:Aws:Region"] = FakeTranscribeServer.Region,
        ["Transcription:Aws:AccessKeyId"] = FakeTranscribeServer.AccessKey,
        ["Transcription:Aws:SecretAccessKey"] = FakeTranscribeServer.SecretKey,
        ["Transcription:Aws:PacingFactor"] = "4",
    };
}

public class AwsBrowserFixture : BrowserFixture
{
    public AwsBrowserFixture() : this(new FakeTranscribeFixture()) { }

    private AwsBrowserFixture(FakeTranscribeFixture fake) : base(new AwsAppServer(fake)) => Fake = fake;

    public FakeTranscribeFixture Fake { get; }

    public override async Task InitializeAsync()
    {
        await Fake.InitializeAsync(); // the fake service first: the app's configuration points at it
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Fake.DisposeAsync();
    }
}

[Trait(Category.Name, Category.Browser)]
public sealed class AwsEngineBrowserTests(AwsBrowserFixture browser, ITestOutputHelper output) : IClassFixture<AwsBrowserFixture>
{
    private async Task<IPage> PageWithAwsSelectedAsync(bool speakersAndRedaction)
    {
        var page = await browser.NewPageAsync();
        var aws = page.Locator("[data-testid=engine-aws]");
        await Assertions.Expect(aws).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("[data-testid=engine-detail-aws]")).ToContainTextAsync("AKID…BE01");
        await Assertions.Expect(page.Locator("[data-testid=engine-detail-aws]")).Not.ToContainTextAsync(FakeTranscribeServer.SecretKey);
        page.Console += (_, m) => output.WriteLine($"console {m.Type}: {m.Text}");
        await aws.CheckAsync();
        await page.Locator("[data-testid=aws-options]").WaitForAsync();
        if (speakersAndRedaction)
        {
            await page.Locator("[data-testid=aws-speakers]").CheckAsync();
            await page.Locator("[data-testid=aws-redact]").CheckAsync();
        }
        return page;
    }

    [BrowserFact]
    public async Task ASpeechFile_StreamsThroughTheAwsEngine_WithPartials_Finals_SpeakersAndRedaction()
    {
        browser.Fake.Server.Behavior = FakeBehavior.Normal;
        var page = await PageWithAwsSelectedAsync(speakersAndRedaction: true);
        var partials = new List<string>();
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "librivox.wav", MimeType = "audio/wav", Buffer = TestAssets.JoinedLibriVoxWav(out _),
        });
        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToContainTextAsync("Amazon Transcribe");
        await page.Locator("[data-testid=partial]").First.WaitForAsync(new() { Timeout = 30_000 });
        await Signals.WaitUntilAsync(async () =>
        {
            if (await page.Locator("[data-testid=final]").CountAsync() > 0) return true;
            // AllTextContents does not wait: the partial may have just become a final.
            if (await page.Locator("[data-testid=partial] .segment-text").AllTextContentsAsync() is [var text] && text.Length > 0 && !partials.Contains(text))
                partials.Add(text);
            return false;
        }, TimeSpan.FromSeconds(60), "a first final from the Amazon Transcribe engine");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("aws-running"), FullPage = true });
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("aws-done"), FullPage = true });

        output.WriteLine($"{partials.Count} distinct partials seen before the first final");
        Assert.True(partials.Count >= 3);
        string finals = string.Join(' ', await page.Locator("[data-testid=final]").AllInnerTextsAsync()).ToLowerInvariant();
        Assert.Contains("leisure", finals);
        Assert.Contains("amiable", finals);
        Assert.True(await page.Locator("[data-testid=speaker]").CountAsync() >= 4);
        Assert.True(await page.Locator("[data-testid=redacted]").CountAsync() >= 1);
        Assert.Equal("true", browser.Fake.Server.LastQuery["show-speaker-label"]);
        Assert.Equal("PII", browser.Fake.Server.LastQuery["content-redaction-type"]);
    }

    [BrowserFact]
    public async Task AServiceFailure_ShowsItsMessage_AndKeepsTheFinalsSoFar()
    {
        browser.Fake.Server.Behavior = FakeBehavior.Exception("ServiceUnavailableException", "Service is overloaded.");
        var page = await PageWithAwsSelectedAsync(speakersAndRedaction: false);
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = "librivox.wav", MimeType = "audio/wav", Buffer = TestAssets.JoinedLibriVoxWav(out _),
        });
        var error = page.Locator("[data-testid=error]");
        await Assertions.Expect(error).ToContainTextAsync("Amazon Transcribe is unavailable right now", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "error");
        Assert.True(await page.Locator("[data-testid=final]").CountAsync() >= 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("aws-error"), FullPage = true });
        browser.Fake.Server.Behavior = FakeBehavior.Normal;
    }
}

/// <summary>The fake microphone, with the app pointed at the local Transcribe service.</summary>
public sealed class AwsMicrophoneFixture : AwsBrowserFixture
{
    public FakeSpeech Speech { get; } = TestAssets.LibriVoxAvailable ? new() : null!; // absent: the tests skip themselves

    protected override IEnumerable<string> BrowserArguments => Speech?.ChromiumArguments ?? [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Speech?.Dispose();
    }
}

[Trait(Category.Name, Category.Browser)]
public sealed class AwsMicrophoneTests(AwsMicrophoneFixture browser, ITestOutputHelper output) : IClassFixture<AwsMicrophoneFixture>
{
    [BrowserFact]
    public async Task ARecording_StreamsThroughTheAwsEngine_WithPartialsAndFinals()
    {
        browser.Fake.Server.Behavior = FakeBehavior.Normal;
        var page = await browser.NewPageAsync();
        var aws = page.Locator("[data-testid=engine-aws]");
        await Assertions.Expect(aws).ToBeEnabledAsync(new() { Timeout = 15_000 });
        await aws.CheckAsync();

        await page.Locator("[data-testid=record]").ClickAsync();
        var panel = page.Locator("[data-testid=transcript]");
        await Assertions.Expect(panel).ToContainTextAsync("Amazon Transcribe");
        await page.Locator("[data-testid=partial]").First.WaitForAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=final]").Nth(1)).ToContainTextAsync("selfish", new() { Timeout = 30_000 });
        await page.Locator("[data-testid=stop-recording]").ClickAsync();
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });

        string finals = string.Join(' ', await page.Locator("[data-testid=final]").AllInnerTextsAsync()).ToLowerInvariant();
        output.WriteLine(finals);
        Assert.Contains("leisure", finals);
        Assert.Equal("16000", browser.Fake.Server.LastQuery["sample-rate"]);
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
    }
}
