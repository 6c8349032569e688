using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using Microsoft.AspNetCore.DataProtection;
using TranscribeBlazor.History;
using TranscribeBlazor.Storage;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Storage;

/// <summary>History and settings in the browser: encrypted, compressed, and never more than one slice per message, whatever their size.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class EncryptedLocalStorageTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>What Blazor accepts in one message from the browser by default (HubOptions.MaximumReceiveMessageSize).</summary>
    private const int CircuitMessageLimit = 32 * 1024;

    private readonly IDataProtectionProvider _keys = new EphemeralDataProtectionProvider();
    private readonly FakeLocalStorageRuntime _browser = new();

    private EncryptedLocalStorage Storage(IDataProtectionProvider? keys = null) => new(_browser, new StoredValueCodec(keys ?? _keys));

    /// <summary>About two hours of speech: 18,000 words in 1,500 results, as PocketSphinx reports them.</summary>
    public static IReadOnlyList<TranscriptResult> TwoHours()
    {
        string[] words = "but the raft was not to be a pleasure trip for the whole of that day the wind blew steadily from the east".Split(' ');
        var results = new List<TranscriptResult>();
        double t = 0;
        for (int r = 0; r < 1_500; r++)
        {
            var items = new List<TranscriptItem>();
            for (int w = 0; w < 12; w++, t += 0.4)
                items.Add(new TranscriptItem(words[(r * 12 + w) % words.Length], Math.Round(t, 2), Math.Round(t + 0.35, 2), Math.Round(0.5 + (r * 7 + w) % 50 / 100.0, 2), true));
            results.Add(new TranscriptResult($"r{r}", items[0].StartTime, items[^1].EndTime, false, [TranscriptAlternative.FromItems(items)]));
            t += 0.8;
        }
        return results;
    }

    private static HistoryEntry Entry(string name, IReadOnlyList<TranscriptResult> results, int minutesAgo = 0) =>
        new(Guid.NewGuid().ToString("N"), name, DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), results.Count > 0 ? results[^1].EndTime : 0, "PocketSphinx (offline)", results);

    [Fact]
    public async Task TwoHundredEntries_AndATwoHourTranscript_RoundTrip_WithEveryMessageUnderTheCircuitLimit()
    {
        var store = new HistoryStore(Storage());
        var shortOne = Export.ExportSamples.Conversation;
        for (int i = 0; i < 200; i++)
            await store.AddAsync(Entry($"A rather long recording name, number {i:000}, from the weekly planning meeting.wav", shortOne, minutesAgo: 300 - i));
        var longEntry = Entry("two hours.wav", TwoHours());
        await store.AddAsync(longEntry);

        // A fresh circuit reads it all back.
        var reread = new HistoryStore(Storage());
        var list = await reread.ListAsync();
        Assert.Equal(201, list.Count);
        Assert.Equal("two hours.wav", list[0].Name);
        var back = await reread.GetAsync(longEntry.Id);
        Assert.NotNull(back);
        Assert.Equal(18_000, back.Results.Sum(r => r.Items.Count));
        Assert.Equal(longEntry.Results[1_234].Items[5], back.Results[1_234].Items[5]);

        Assert.True(_browser.Items["history.entry.v1." + longEntry.Id].Length > 2 * CircuitMessageLimit, "the long entry should take several messages, or this test proves nothing");
        Assert.InRange(_browser.LargestResult, 1, EncryptedLocalStorage.SliceChars + 64);
        Assert.InRange(_browser.LargestCall, 1, EncryptedLocalStorage.SliceChars + 128);
    }

    [Fact]
    public async Task ATranscript_IsStoredCompressed_AndItsSizeIsWhatTheBrowserKeeps()
    {
        var storage = Storage();
        var results = TwoHours();
        long json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(results).Length;
        long stored = await storage.SetAsync("history.entry.v1.x", results);

        output.WriteLine($"two hours, 18,000 words: {json:N0} bytes of JSON stored as {stored:N0} characters");
        Assert.Equal(_browser.Items["history.entry.v1.x"].Length, stored);
        Assert.True(stored < json / 4, $"{stored} characters stored for {json} bytes of JSON");
    }

    [Fact]
    public async Task AValueWrittenByTheFrameworksProtectedLocalStorage_IsRead()
    {
        // History kept by earlier versions of the app went through ProtectedLocalStorage.
        var legacy = new ProtectedLocalStorage(_browser, _keys);
        var entry = Entry("kept before.wav", Export.ExportSamples.Conversation);
        await legacy.SetAsync("history.entry.v1.old", entry);

        var back = await Storage().GetAsync<HistoryEntry>("history.entry.v1.old");
        Assert.Equal("kept before.wav", back!.Name);
        Assert.Equal(entry.Results[1].Items[3], back.Results[1].Items[3]);
    }

    [Fact]
    public async Task AValueFromOtherKeys_OrMovedToAnotherKey_OrAltered_IsUnreadable()
    {
        await Storage().SetAsync("a", "secret words");
        _browser.Items["b"] = _browser.Items["a"];
        _browser.Items["c"] = _browser.Items["a"][..^4] + (_browser.Items["a"][^4] == 'A' ? "B" : "A") + _browser.Items["a"][^3..];

        await Assert.ThrowsAsync<BrowserStorageException>(() => Storage(new EphemeralDataProtectionProvider()).GetAsync<string>("a"));
        await Assert.ThrowsAsync<BrowserStorageException>(() => Storage().GetAsync<string>("b"));
        await Assert.ThrowsAsync<BrowserStorageException>(() => Storage().GetAsync<string>("c"));
        Assert.Equal("secret words", await Storage().GetAsync<string>("a"));
        Assert.DoesNotContain("secret", _browser.Items["a"]);
    }

    [Fact]
    public async Task AFullBrowser_RefusesTheWrite_AndKeepsWhatWasThere()
    {
        var browser = new FakeLocalStorageRuntime(quotaChars: 2_000);
        var storage = new EncryptedLocalStorage(browser, new StoredValueCodec(_keys));
        await storage.SetAsync("k", "small");
        string before = browser.Items["k"];

        var e = await Assert.ThrowsAsync<BrowserStorageException>(() => storage.SetAsync("k", TwoHours()));
        Assert.True(e.QuotaExceeded);
        Assert.Equal(before, browser.Items["k"]);
    }

    [Fact]
    public async Task DeleteAll_RemovesThePrefixOnly()
    {
        var storage = Storage();
        await storage.SetAsync("history.index.v1", 1);
        await storage.SetAsync("history.entry.v1.a", 2);
        await storage.SetAsync("transcribeblazor.settings.v1", 3);

        Assert.Equal(2, await storage.DeleteAllAsync("history."));
        Assert.Equal(["transcribeblazor.settings.v1"], _browser.Items.Keys);
    }

    [Fact]
    public async Task AnAbsentValue_ReadsAsDefault()
    {
        Assert.Null(await Storage().GetAsync<HistoryEntry>("nothing"));
        Assert.Equal(0, await Storage().GetAsync<int>("nothing"));
    }
}
