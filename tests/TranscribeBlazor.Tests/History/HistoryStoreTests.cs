using System.Text.Json;
using TranscribeBlazor.History;
using TranscribeBlazor.Storage;
using TranscribeBlazor.Tests.Export;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.History;

[Trait(Category.Name, Category.Unit)]
public sealed class HistoryStoreTests
{
    private static HistoryEntry Entry(string name, int minutesAgo) =>
        new(Guid.NewGuid().ToString("N"), name, DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), 12.5, "PocketSphinx (offline)", ExportSamples.Conversation);

    [Fact]
    public async Task AnEntry_RoundTrips_AndTheListIsNewestFirst()
    {
        var store = new HistoryStore(new FakeBrowserStorage());
        var older = Entry("older.wav", 10);
        var newer = Entry("newer.wav", 1);
        await store.AddAsync(older);
        await store.AddAsync(newer);

        Assert.Equal(["newer.wav", "older.wav"], (await store.ListAsync()).Select(e => e.Name));
        var back = await store.GetAsync(older.Id);
        Assert.NotNull(back);
        Assert.Equal(older.Results.Count, back.Results.Count);
        Assert.Equal(older.Results[1].Items[2], back.Results[1].Items[2]);
        Assert.Equal(older.Results[1].Transcript, back.Results[1].Transcript);
    }

    [Fact]
    public async Task RenameDeleteAndClear_DoWhatTheySay()
    {
        var storage = new FakeBrowserStorage();
        var store = new HistoryStore(storage);
        var a = Entry("a.wav", 2);
        var b = Entry("b.wav", 1);
        await store.AddAsync(a);
        await store.AddAsync(b);

        await store.RenameAsync(a.Id, "  Board meeting  ");
        Assert.Equal("Board meeting", (await store.GetAsync(a.Id))!.Name);
        Assert.Contains(await store.ListAsync(), e => e.Name == "Board meeting");

        await store.DeleteAsync(b.Id);
        Assert.Null(await store.GetAsync(b.Id));
        Assert.Single(await store.ListAsync());

        await store.ClearAsync();
        Assert.Empty(await store.ListAsync());
        Assert.Empty(storage.Values);
    }

    [Fact]
    public async Task TheCap_EvictsTheOldestFirst()
    {
        long size = JsonSerializer.SerializeToUtf8Bytes(Entry("x", 0)).Length;
        var store = new HistoryStore(new FakeBrowserStorage(), capBytes: size * 3 + size / 2);
        var entries = Enumerable.Range(0, 5).Select(i => Entry($"{i}.wav", 10 - i)).ToList();
        var evicted = new List<HistorySummary>();
        foreach (var e in entries) evicted.AddRange(await store.AddAsync(e));

        Assert.Equal(["0.wav", "1.wav"], evicted.Select(e => e.Name));
        Assert.Equal(["4.wav", "3.wav", "2.wav"], (await store.ListAsync()).Select(e => e.Name));
        Assert.Null(await store.GetAsync(entries[0].Id));
    }

    [Fact]
    public async Task AnEntryLargerThanTheCap_IsRefused_WithAMessage()
    {
        var store = new HistoryStore(new FakeBrowserStorage(), capBytes: 100);
        var e = await Assert.ThrowsAsync<HistoryFullException>(() => store.AddAsync(Entry("big.wav", 0)));
        Assert.Contains("export it instead", e.Message);
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task WhenTheBrowserIsFull_NothingStoredIsCorrupted()
    {
        var storage = new FakeBrowserStorage();
        var store = new HistoryStore(storage);
        var kept = Entry("kept.wav", 5);
        await store.AddAsync(kept);
        var before = new Dictionary<string, string>(storage.Values);

        var full = new HistoryStore(new QuotaAfter(storage, storage.Values.Sum(p => (long)p.Value.Length) + 10));
        var e = await Assert.ThrowsAsync<HistoryFullException>(() => full.AddAsync(Entry("new.wav", 0)));
        Assert.Contains("storage is full", e.Message);
        Assert.Equal(before, storage.Values);
        Assert.Equal("kept.wav", (await store.GetAsync(kept.Id))!.Name);
    }

    [Fact]
    public async Task ACorruptEntry_IsDroppedFromTheList_AndTheRestSurvive()
    {
        var storage = new FakeBrowserStorage();
        var store = new HistoryStore(storage);
        var good = Entry("good.wav", 2);
        var bad = Entry("bad.wav", 1);
        await store.AddAsync(good);
        await store.AddAsync(bad);
        storage.Values[storage.Values.Keys.Single(k => k.EndsWith(bad.Id))] = "{not json";

        Assert.Null(await store.GetAsync(bad.Id));
        Assert.Equal(["good.wav"], (await store.ListAsync()).Select(e => e.Name));
        Assert.NotNull(await store.GetAsync(good.Id));
    }

    [Fact]
    public async Task ACorruptIndex_IsReported_NotOverwritten_AndClearingRemovesEveryEntry()
    {
        var storage = new FakeBrowserStorage();
        var store = new HistoryStore(storage);
        await store.AddAsync(Entry("a.wav", 2));
        await store.AddAsync(Entry("b.wav", 1));
        storage.Values["history.index.v1"] = "[{broken";
        storage.Values["transcribeblazor.settings.v1"] = "{}";

        await Assert.ThrowsAsync<HistoryUnreadableException>(() => store.ListAsync());
        // Another instance with the right keys may still read it: a new entry must not replace it.
        await Assert.ThrowsAsync<HistoryUnreadableException>(() => store.AddAsync(Entry("c.wav", 0)));
        Assert.Equal("[{broken", storage.Values["history.index.v1"]);

        Assert.Equal(3, await store.ClearAsync()); // the index and both entries it named
        Assert.Equal(["transcribeblazor.settings.v1"], storage.Values.Keys);
        Assert.Empty(await store.ListAsync());
        await store.AddAsync(Entry("d.wav", 0));
        Assert.Equal(["d.wav"], (await store.ListAsync()).Select(e => e.Name));
    }

    [Fact]
    public async Task Clearing_AlsoRemovesEntriesNoIndexNames()
    {
        var storage = new FakeBrowserStorage();
        var store = new HistoryStore(storage);
        await store.AddAsync(Entry("a.wav", 1));
        storage.Values["history.entry.v1.orphan"] = "{}"; // left by an index that was lost

        Assert.Equal(3, await store.ClearAsync());
        Assert.Empty(storage.Values);
    }

    /// <summary>The same storage, with a quota that is reached.</summary>
    private sealed class QuotaAfter(FakeBrowserStorage inner, long quota) : IBrowserStorage
    {
        public Task<T?> GetAsync<T>(string key) => inner.GetAsync<T>(key);

        public Task<long> SetAsync<T>(string key, T value)
        {
            long used = inner.Values.Where(p => p.Key != key).Sum(p => (long)p.Value.Length);
            if (used + JsonSerializer.Serialize(value).Length > quota) throw new BrowserStorageException("full", quotaExceeded: true);
            return inner.SetAsync(key, value);
        }

        public Task DeleteAsync(string key) => inner.DeleteAsync(key);

        public Task<int> DeleteAllAsync(string prefix) => inner.DeleteAllAsync(prefix);
    }
}
