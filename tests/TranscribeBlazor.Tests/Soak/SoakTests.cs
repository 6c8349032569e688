using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Soak;

[CollectionDefinition(nameof(SoakCollection), DisableParallelization = true)]
public sealed class SoakCollection;

/// <summary>
/// Many browser sessions in a row — completed (WAV and MP3), cancelled, tab closed or killed
/// mid-stream, bad files — against the app in its own process; then the process must hold what it held before: decoders, descriptors, sockets, child
/// processes, circuits, memory. Alone in its collection, so no other test's resources blur the figures.
/// CI runs <see cref="DefaultSessions"/>; <c>scripts/soak.sh</c> runs 200 or more.
/// </summary>
[Collection(nameof(SoakCollection))]
[Trait(Category.Name, Category.Soak)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int DefaultSessions = 24;
    private static readonly string[] TranscriptWords = ["leisure", "young man", "amiable", "selfish"];

    public static int Sessions => int.TryParse(Environment.GetEnvironmentVariable("SOAK_SESSIONS"), out int n) && n > 0 ? n : DefaultSessions;

    [BrowserFact]
    public async Task ManySessionsInARow_LeaveNoDecoderDescriptorSocketProcessOrMemoryBehind()
    {
        if (!Tools.FfmpegAvailable) Assert.Fail("ffmpeg is needed for the MP3 sessions (.ci/run installs it)");
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Metrics:CollectBeforeReading"] = "true",
            // A tab killed without unloading keeps its circuit for Blazor's retention period (3 min by default): shortened here.
            ["Circuits:DisconnectedCircuitRetentionPeriod"] = "00:00:05",
        });
        using var playwright = await Playwright.CreateAsync();
        // Its microphone plays one utterance over and over.
        await using var browser = await BrowserFixture.LaunchAsync(playwright, FakeSpeech.ChromiumArgumentsFor(TestAssets.LibriVox()[1].Path, loop: true));
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        var utterance = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);
        var mp3 = Tools.Ffmpeg(utterance, "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3");
        var samples = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out _));
        var longWav = WavBuilder.Pcm16([.. samples, .. samples, .. samples], 16_000, 1);
        var kinds = new (string Name, Func<IPage, Task> Run)[]
        {
            ("completed WAV", page => CompleteAsync(page, "utterance.wav", utterance)),
            ("completed MP3", page => CompleteAsync(page, "utterance.mp3", mp3)),
            ("cancelled", async page =>
            {
                await DropAsync(page, "long.wav", longWav);
                await page.Locator("[data-testid=partial]").First.WaitForAsync();
                await page.Locator("[data-testid=cancel]").ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "cancelled");
            }),
            ("tab closed mid-stream", async page =>
            {
                await DropAsync(page, "long.wav", longWav);
                await page.Locator("[data-testid=partial]").First.WaitForAsync();
            }),
            ("tab killed mid-stream", async page =>
            {
                await DropAsync(page, "long.wav", longWav);
                await page.Locator("[data-testid=partial]").First.WaitForAsync();
                await page.Context.CloseAsync(); // no unload, no goodbye: the server finds out from the dead connection
            }),
            ("recorded and stopped", async page =>
            {
                await page.Locator("[data-testid=record]").ClickAsync();
                await page.Locator("[data-testid=final]").First.WaitForAsync(); // recognition of live audio varies with where it was cut: any final will do
                await page.Locator("[data-testid=stop-recording]").ClickAsync();
                await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done");
                await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
            }),
            ("tab closed while recording", async page =>
            {
                await page.Locator("[data-testid=record]").ClickAsync();
                await page.Locator("[data-testid=partial]").First.WaitForAsync();
            }),
            ("bad file", async page =>
            {
                await DropAsync(page, "notes.wav", "not audio at all"u8.ToArray());
                await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "error");
            }),
        };

        // Warm-up: one of each, then two at once so the pool holds all its decoders (2 descriptors each):
        // what is made once (decoders, JIT, pools) exists before the baseline.
        foreach (var kind in kinds) await SessionAsync(browser, app.BaseAddress, kind.Run);
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => SessionAsync(browser, app.BaseAddress, kinds[2].Run)));
        var before = await SettledAsync(http);

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < Sessions; i++)
            await SessionAsync(browser, app.BaseAddress, kinds[i % kinds.Length].Run);
        var elapsed = clock.Elapsed;
        // The browser keeps idle keep-alive connections to the server (up to six per host) for reuse:
        // those are its sockets, not ours. Closing it first leaves only what the app itself holds.
        await browser.CloseAsync();
        var after = await SettledAsync(http);

        output.WriteLine($"{Sessions} sessions ({string.Join(", ", kinds.Select(k => k.Name))}, in turn) in {elapsed.TotalSeconds:0.0} s");
        output.WriteLine("                 before    after");
        foreach (string name in new[] { "fileDescriptors", "sockets", "childProcesses", "ffmpegProcesses", "threads", "workingSetBytes", "managedHeapBytes" })
            output.WriteLine($"{name,-16} {Process(before, name),9} {Process(after, name),9}");
        output.WriteLine($"decoders         {Decoders(before, "created"),9} {Decoders(after, "created"),9} (capacity {Decoders(after, "capacity")})");
        output.WriteLine($"circuits         {before.GetProperty("circuits").GetInt32(),9} {after.GetProperty("circuits").GetInt32(),9}");

        Assert.Equal(0, Process(after, "ffmpegProcesses"));
        Assert.Equal(0, Process(after, "childProcesses"));
        Assert.InRange(Decoders(after, "created"), 1, Decoders(after, "capacity"));
        Assert.Equal(Decoders(after, "created"), Decoders(after, "idle"));
        Assert.Equal(before.GetProperty("circuits").GetInt32(), after.GetProperty("circuits").GetInt32());
        Assert.Equal(0, after.GetProperty("transcriptionsActive").GetInt32());
        Assert.InRange(Process(after, "fileDescriptors") - Process(before, "fileDescriptors"), -50, 8);
        Assert.InRange(Process(after, "sockets") - Process(before, "sockets"), -50, 4);
        Assert.InRange(Process(after, "managedHeapBytes") - Process(before, "managedHeapBytes"), long.MinValue, 30L << 20);

        var leaked = app.Output.Where(line => TranscriptWords.Any(w => line.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(leaked.Count == 0, "transcript text in the log:\n" + string.Join('\n', leaked));
    }

    /// <summary>One tab: open, run, then leave as a person does (the page unloads, so Blazor ends its circuit), close.</summary>
    private static async Task SessionAsync(IBrowser browser, Uri app, Func<IPage, Task> run)
    {
        var page = await BrowserFixture.OpenAsync(browser, app);
        await run(page);
        if (page.IsClosed) return;
        await page.GotoAsync("about:blank");
        await page.Context.CloseAsync();
    }

    private static Task DropAsync(IPage page, string name, byte[] bytes) =>
        page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(new FilePayload { Name = name, MimeType = "audio/wav", Buffer = bytes });

    private static async Task CompleteAsync(IPage page, string name, byte[] bytes)
    {
        await DropAsync(page, name, bytes);
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);
    }

    /// <summary>/metrics once every session has wound down (circuits closed, decoders back, children reaped): descriptors as they are, memory after a full collection.</summary>
    private static async Task<JsonElement> SettledAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement metrics;
        while (true)
        {
            metrics = JsonDocument.Parse(await http.GetStringAsync("/metrics")).RootElement.Clone();
            bool settled = metrics.GetProperty("circuits").GetInt32() == 0 && metrics.GetProperty("transcriptionsActive").GetInt32() == 0
                && Decoders(metrics, "created") == Decoders(metrics, "idle") && Process(metrics, "ffmpegProcesses") == 0;
            if (settled || DateTime.UtcNow > deadline) return metrics;
            await Task.Delay(250);
        }
    }

    private static long Process(JsonElement metrics, string name) => metrics.GetProperty("process").GetProperty(name).GetInt64();

    private static int Decoders(JsonElement metrics, string name) => metrics.GetProperty("decoders").GetProperty(name).GetInt32();
}
