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
/// A two-hour transcript (1,500 lines, 18,000 words) opened from history stays workable: find, jump from
/// match to match, correct a line far down. Each step only re-renders the lines it changes; the times are
/// printed (docs/PERFORMANCE.md), not asserted.
/// </summary>
[Trait(Category.Name, Category.Browser)]
public sealed class LongTranscriptTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task ATwoHourTranscript_Opens_FindsAndJumps_AndTakesACorrectionFarDown()
    {
        var codec = browser.App.Services.GetRequiredService<StoredValueCodec>();
        var page = await browser.NewPageAsync();
        var twoHours = EncryptedLocalStorageTests.TwoHours();
        var entry = new HistoryEntry(Guid.NewGuid().ToString("N"), "two hours.wav", DateTimeOffset.UtcNow, twoHours[^1].EndTime, "PocketSphinx (offline)", twoHours);
        string stored = codec.Encode("history.entry.v1." + entry.Id, entry);
        string index = codec.Encode("history.index.v1", new List<HistorySummary> { entry.Summary(stored.Length) });
        await HistoryStorageTests.PutAsync(page, new Dictionary<string, string> { ["history.entry.v1." + entry.Id] = stored, ["history.index.v1"] = index });
        await page.ReloadAsync();
        await BrowserFixture.WaitUntilInteractiveAsync(page);
        var finals = page.Locator("[data-testid=final]");

        var clock = Stopwatch.StartNew();
        await page.Locator("[data-testid=history-open]").First.ClickAsync();
        await Assertions.Expect(finals).ToHaveCountAsync(1_500, new() { Timeout = 60_000 });
        long open = clock.ElapsedMilliseconds;

        int matches = twoHours.Sum(r => r.Items.Count(i => i.Content == "whole"));
        clock.Restart();
        await page.Locator("input[data-testid=find], [data-testid=find] input").FillAsync("whole");
        await Assertions.Expect(page.Locator("[data-testid=find-count]")).ToHaveTextAsync($"{matches} matches", new() { Timeout = 30_000 });
        long find = clock.ElapsedMilliseconds;
        var jumps = new List<long>();
        for (int i = 1; i <= 5; i++)
        {
            clock.Restart();
            await page.Locator("[data-testid=find-next]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=find-count]")).ToHaveTextAsync($"{i} of {matches}", new() { Timeout = 30_000 });
            jumps.Add(clock.ElapsedMilliseconds);
        }
        Assert.Equal(1, await page.Locator(".find-current").CountAsync());

        clock.Restart();
        var line = finals.Nth(1_200);
        await line.Locator("[data-testid=line-edit]").ClickAsync();
        var editor = page.Locator("[data-testid=line-editor]");
        await Assertions.Expect(editor).ToBeFocusedAsync(new() { Timeout = 30_000 });
        long edit = clock.ElapsedMilliseconds;
        await editor.FillAsync("the raft was a pleasure after all");
        clock.Restart();
        await editor.PressAsync("Enter");
        await Assertions.Expect(editor).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(finals.Nth(1_200).Locator(".segment-text")).ToHaveTextAsync("the raft was a pleasure after all", new() { Timeout = 30_000 });
        long save = clock.ElapsedMilliseconds;
        await Assertions.Expect(finals).ToHaveCountAsync(1_500);
        await Assertions.Expect(finals.Nth(1_199).Locator(".segment-text")).ToHaveTextAsync(string.Join(' ', twoHours[1_199].Items.Select(i => i.Content)));

        output.WriteLine($"two-hour transcript: opened in {open} ms; find over 18,000 words {find} ms; next match {string.Join(", ", jumps)} ms; editor open {edit} ms; correction saved {save} ms");
    }
}
