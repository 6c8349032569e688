using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>When every recogniser is busy, a waiting tab says where it stands, and moves up.</summary>
[Trait(Category.Name, Category.Browser)]
public sealed class QueuePlaceTests(QueuePlaceTests.OneDecoder browser) : IClassFixture<QueuePlaceTests.OneDecoder>
{
    public sealed class OneDecoder() : BrowserFixture(new ConfiguredAppServer(new() { ["Transcription:PocketSphinx:MaxDecoders"] = "1", ["Transcription:MaxRunsPerClient"] = "8" }));

    [BrowserFact]
    public async Task TabsWaitingForTheOneRecogniser_SeeTheirPlace_AndRunInTurn()
    {
        var samples = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out _));
        var longWav = WavBuilder.Pcm16([.. samples, .. samples, .. samples], 16_000, 1);
        var utterance = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);
        var (first, second, third) = (await browser.NewPageAsync(), await browser.NewPageAsync(), await browser.NewPageAsync());

        await first.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "long.wav", MimeType = "audio/wav", Buffer = longWav });
        await first.Locator("[data-testid=partial]").First.WaitForAsync();
        await second.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "second.wav", MimeType = "audio/wav", Buffer = utterance });
        await Assertions.Expect(second.Locator("[data-testid=transcript]")).ToContainTextAsync("you are next");
        await third.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = "third.wav", MimeType = "audio/wav", Buffer = utterance });
        await Assertions.Expect(third.Locator("[data-testid=transcript]")).ToContainTextAsync("1 ahead of you");
        await third.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("waiting-for-a-recogniser"), FullPage = true });

        await first.Locator("[data-testid=cancel]").ClickAsync();
        await Assertions.Expect(second.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(third.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(third.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
        foreach (var page in new[] { first, second, third }) await page.CloseAsync();
    }
}
