using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TranscribeBlazor.History;
using TranscribeBlazor.Storage;
using TranscribeBlazor.Tests.Storage;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>
/// History at the sizes people reach: hundreds of entries and a two-hour transcript, a history that
/// cannot be read, a browser whose storage is full. Every key is written the way the app writes it
/// (its own codec and keys), straight into the page's localStorage.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class HistoryStorageTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string HistoryKeys = "() => Object.keys(localStorage).filter(k => k.startsWith('history.')).length";

    private StoredValueCodec Codec => browser.App.Services.GetRequiredService<StoredValueCodec>();

    /// <summary>Writes keys into the page's localStorage as they are, as the app's storage module would.</summary>
    internal static Task PutAsync(IPage page, IEnumerable<KeyValuePair<string, string>> items) =>
        page.EvaluateAsync("items => { for (const [k, v] of items) localStorage.setItem(k, v); }", items.Select(p => new[] { p.Key, p.Value }).ToArray());

    private static async Task DropAsync(IPage page, string name)
    {
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path),
        });
        // By name: the panel may still say "done" for the file before.
        await Assertions.Expect(page.Locator("[data-testid=transcript][data-state=done]", new() { HasText = name })).ToHaveCountAsync(1, new() { Timeout = 60_000 });
    }

    [BrowserFact]
    public async Task TwoHundredEntries_AndATwoHourTranscript_Load_Open_AndGrow_AcrossReloads()
    {
        var page = await browser.NewPageAsync();
        var items = new Dictionary<string, string>();
        var index = new List<HistorySummary>();
        void Add(HistoryEntry entry)
        {
            string stored = Codec.Encode("history.entry.v1." + entry.Id, entry);
            items["history.entry.v1." + entry.Id] = stored;
            index.Add(entry.Summary(stored.Length));
        }
        var start = DateTimeOffset.UtcNow.AddDays(-2);
        for (int i = 0; i < 199; i++)
            Add(new HistoryEntry(Guid.NewGuid().ToString("N"), $"Weekly planning meeting, part {i:000}, recorded on the big table microphone.wav",
                start.AddMinutes(i), 8.4, "PocketSphinx (offline)", Export.ExportSamples.Conversation));
        var twoHours = EncryptedLocalStorageTests.TwoHours();
        Add(new HistoryEntry(Guid.NewGuid().ToString("N"), "two hours.wav", start.AddHours(5), twoHours[^1].EndTime, "PocketSphinx (offline)", twoHours));
        items["history.index.v1"] = Codec.Encode("history.index.v1", index);
        await PutAsync(page, items);
        output.WriteLine($"index {items["history.index.v1"].Length:N0} characters; the two-hour entry {index[^1].Bytes:N0}; all {items.Values.Sum(v => (long)v.Length):N0}");

        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page); // the engine list: the circuit lives
        var history = page.Locator("[data-testid=history-item]");
        await Assertions.Expect(history).ToHaveCountAsync(200, new() { Timeout = 30_000 });

        var clock = Stopwatch.StartNew();
        await history.Filter(new() { HasText = "two hours.wav" }).Locator("[data-testid=history-open]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=final]")).ToHaveCountAsync(1_500, new() { Timeout = 60_000 });
        output.WriteLine($"the two-hour transcript (18,000 words) opened in {clock.Elapsed.TotalSeconds:0.0} s");
        await Assertions.Expect(page.Locator("[data-testid=final]").Last).ToContainTextAsync(string.Join(' ', twoHours[^1].Transcript.Split(' ')[..4]));

        // The save that used to cross the 32 KB message limit, then a fresh page that reads it all.
        await DropAsync(page, "the two hundred and first.wav");
        await Assertions.Expect(history).ToHaveCountAsync(201);
        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(history).ToHaveCountAsync(201, new() { Timeout = 30_000 });
        await Assertions.Expect(history.First).ToContainTextAsync("the two hundred and first.wav");
        Assert.Equal(0, await page.Locator("[data-testid=history-message]").CountAsync());
    }

    [BrowserFact]
    public async Task AnUnreadableHistory_SaysSo_AndClearAll_RemovesEveryEntry_AndTheNextRunIsKept()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.ToggleThemeAsync(page); // a setting, which clearing the history must leave alone
        await PutAsync(page, [
            new("history.index.v1", "z.written-by-a-server-with-other-keys"),
            new("history.entry.v1.a", Codec.Encode("history.entry.v1.a", "x")),
            new("history.entry.v1.b", new string('x', 100_000)),
        ]);
        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        var message = page.Locator("[data-testid=history-message]");
        await Assertions.Expect(message).ToContainTextAsync("cannot be read", new() { Timeout = 15_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("history-unreadable") });
        int settingsBefore = await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => !k.startsWith('history.')).length");
        Assert.True(settingsBefore > 0);

        await page.Locator("[data-testid=history-clear]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Clear all" }).ClickAsync();
        await Assertions.Expect(message).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>(HistoryKeys));
        Assert.Equal(settingsBefore, await page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => !k.startsWith('history.')).length"));

        await DropAsync(page, "after clearing.wav");
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task AFullBrowser_KeepsTheTranscriptOnScreen_OffersClearAll_AndClearingMakesRoom()
    {
        var page = await browser.NewPageAsync();
        // Entries an earlier, lost index left behind fill the site's storage to the last hundred characters.
        int filled = await page.EvaluateAsync<int>("""
            () => {
              let n = 0, total = 0;
              for (let size = 1 << 20; size >= 100; size = Math.floor(size / 4)) {
                for (;;) {
                  try { localStorage.setItem('history.entry.v1.orphan' + n, 'x'.repeat(size)); n++; total += size; }
                  catch { break; }
                }
              }
              return total;
            }
            """);
        output.WriteLine($"{filled:N0} characters of orphaned entries fill the storage");

        await DropAsync(page, "no room.wav");
        var message = page.Locator("[data-testid=history-message]");
        await Assertions.Expect(message).ToContainTextAsync("storage is full");
        Assert.True(await page.Locator("[data-testid=final]").CountAsync() > 0, "the transcript stays on screen");
        Assert.Equal(0, await page.Locator("[data-testid=history-item]").CountAsync());

        await page.Locator("[data-testid=history-clear]").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Clear all" }).ClickAsync();
        await Assertions.Expect(message).ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<int>(HistoryKeys));

        await DropAsync(page, "room again.wav");
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
    }
}
