using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Api;

/// <summary><c>POST /api/transcriptions</c> through Kestrel on a real port, as a program on another machine would use it.</summary>
[Trait(Category.Name, Category.Engine)]
public sealed class TranscriptionApiTests(ITestOutputHelper output)
{
    private const string Key = "test-key-0123456789abcdef";

    private static async Task<ConfiguredAppServer> StartAsync(Dictionary<string, string>? settings = null)
    {
        var all = new Dictionary<string, string> { ["Api:Keys:0"] = Key };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        var app = new ConfiguredAppServer(all);
        await app.InitializeAsync();
        return app;
    }

    private static HttpClient Client(AppServer app, string? key = Key)
    {
        var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private static HttpRequestMessage Post(HttpContent body, string query = "", string mediaType = "audio/wav")
    {
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpRequestMessage(HttpMethod.Post, "/api/transcriptions" + query) { Content = body };
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    private static async Task<JsonElement> MetricsAsync(HttpClient http) => JsonDocument.Parse(await http.GetStringAsync("/metrics")).RootElement.Clone();

    [PocketSphinxFact]
    public async Task Events_StreamWhileTheBodyIsStillArriving_ThenTheOutcome()
    {
        await using var app = await StartAsync();
        using var http = Client(app);
        var wav = TestAssets.JoinedLibriVoxWav(out var references);
        // Twice real time (16 KB of 16 kHz 16-bit audio every 250 ms): the upload takes about 15 s.
        var body = new PacedStream(wav, 16 * 1024, TimeSpan.FromMilliseconds(250));
        await using var upload = await RawHttpUpload.StartAsync(app.BaseAddress, "/api/transcriptions", body, ("Authorization", "Bearer " + Key), ("Content-Type", "audio/wav"));
        Assert.Equal(200, upload.Status);
        Assert.StartsWith("application/x-ndjson", upload.Headers["Content-Type"]);

        var lines = new List<JsonElement>();
        TimeSpan? firstResult = null;
        await foreach (string line in upload.ReadLinesAsync())
        {
            var e = JsonDocument.Parse(line).RootElement.Clone();
            lines.Add(e);
            if (e.TryGetProperty("resultId", out _)) firstResult ??= body.Elapsed;
        }
        output.WriteLine($"first result at {firstResult?.TotalSeconds:0.0} s; upload ended at {body.Finished?.TotalSeconds:0.0} s; {lines.Count} events");

        Assert.NotNull(firstResult);
        Assert.True(firstResult < body.Finished, $"the first result came at {firstResult}, after the upload ended at {body.Finished}");
        var results = lines.Where(l => l.TryGetProperty("resultId", out _)).ToList();
        Assert.Contains(results, r => r.GetProperty("isPartial").GetBoolean());
        var finals = results.Where(r => !r.GetProperty("isPartial").GetBoolean()).ToList();
        Assert.All(finals, f => Assert.True(f.GetProperty("endTime").GetDouble() > f.GetProperty("startTime").GetDouble()));
        Assert.True(finals[0].GetProperty("items").GetArrayLength() > 0);
        string hypothesis = string.Join(' ', finals.Select(f => f.GetProperty("transcript").GetString()));
        string reference = string.Join(' ', references);
        double wer = WordErrorRate.Errors(reference, hypothesis) / (double)WordErrorRate.Words(reference).Length;
        output.WriteLine($"WER {wer:P1}");
        Assert.True(wer < 0.35, $"WER {wer:P1}: {hypothesis}");

        var outcome = lines[^1];
        Assert.Equal("done", outcome.GetProperty("outcome").GetString());
        Assert.Equal(finals.Count, outcome.GetProperty("finals").GetInt32());
        Assert.InRange(outcome.GetProperty("secondsProcessed").GetDouble(), 29, 32);
    }

    [PocketSphinxFact]
    public async Task ASecondRun_WaitsForTheRecogniser_WithItsQueuePlaceAsEvents()
    {
        await using var app = await StartAsync(new() { ["Transcription:PocketSphinx:MaxDecoders"] = "1" });
        var wav = TestAssets.JoinedLibriVoxWav(out _);
        var first = await RawHttpUpload.StartAsync(app.BaseAddress, "/api/transcriptions", new PacedStream(wav, 16 * 1024, TimeSpan.FromMilliseconds(250)),
            ("Authorization", "Bearer " + Key), ("Content-Type", "audio/wav"));
        await foreach (string line in first.ReadLinesAsync())
            if (line.Contains("resultId")) break;

        await using var second = await RawHttpUpload.StartAsync(app.BaseAddress, "/api/transcriptions", new MemoryStream(File.ReadAllBytes(TestAssets.LibriVox()[1].Path)),
            ("Authorization", "Bearer " + Key), ("Content-Type", "audio/wav"));
        var lines = new List<string>();
        await foreach (string line in second.ReadLinesAsync())
        {
            lines.Add(line);
            if (line.Contains("\"queuePlace\":1")) await first.DisposeAsync(); // the first client goes: the second's turn comes at once
        }

        var waiting = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal(1, waiting.GetProperty("queuePlace").GetInt32());
        Assert.Contains("next", waiting.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(lines, l => l.Contains("resultId"));
        Assert.Equal("done", JsonDocument.Parse(lines[^1]).RootElement.GetProperty("outcome").GetString());
    }

    [PocketSphinxFact]
    public async Task AnUploadThatStops_EndsWithTheStallMessage_AndWhatWasTranscribed()
    {
        await using var app = await StartAsync(new() { ["Transcription:UploadStallSeconds"] = "2" });
        var wav = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);
        // The first 64 KB (2 s of speech) at once, then nothing for a minute.
        var body = new PacedStream(wav, 64 * 1024, TimeSpan.FromMinutes(1));
        await using var upload = await RawHttpUpload.StartAsync(app.BaseAddress, "/api/transcriptions", body, ("Authorization", "Bearer " + Key), ("Content-Type", "audio/wav"));
        var lines = new List<JsonElement>();
        await foreach (string line in upload.ReadLinesAsync())
            lines.Add(JsonDocument.Parse(line).RootElement.Clone());

        var outcome = lines[^1];
        Assert.Equal("refused", outcome.GetProperty("outcome").GetString());
        Assert.Contains("for 2 s", outcome.GetProperty("message").GetString());
        Assert.InRange(outcome.GetProperty("secondsProcessed").GetDouble(), 1.5, 2.5);
    }

    [PocketSphinxFact]
    public async Task AnUploadThatStopsBeforeItsHeaderIsRead_Is408_WithTheStallMessage()
    {
        await using var app = await StartAsync(new() { ["Transcription:UploadStallSeconds"] = "2" });
        var wav = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);
        // 12 bytes ("RIFF", a size, "WAVE"), then nothing for a minute: the format cannot be judged, so nothing has started.
        var body = new PacedStream(wav, 12, TimeSpan.FromMinutes(1));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var upload = await RawHttpUpload.StartAsync(app.BaseAddress, "/api/transcriptions", body, ("Authorization", "Bearer " + Key), ("Content-Type", "audio/wav"));
        string text = string.Join('\n', await upload.ReadLinesAsync().ToListAsync());
        output.WriteLine($"{upload.Status} after {clock.Elapsed.TotalSeconds:0.0} s: {text}");

        Assert.Equal(408, upload.Status);
        Assert.StartsWith("application/problem+json", upload.Headers["Content-Type"]);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(408, problem.GetProperty("status").GetInt32());
        Assert.Contains("for 2 s before transcription could begin, so nothing was transcribed", problem.GetProperty("detail").GetString());
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 10);
    }

    [PocketSphinxFact]
    public async Task AcceptJson_AndFormats_ReturnTheWholeTranscript()
    {
        await using var app = await StartAsync();
        using var http = Client(app);
        var wav = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);

        var json = Post(new ByteArrayContent(wav));
        json.Headers.Accept.ParseAdd("application/json");
        using (var response = await http.SendAsync(json))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            var first = doc.GetProperty("Transcript").GetProperty("Results")[0];
            Assert.False(first.GetProperty("IsPartial").GetBoolean());
            Assert.Contains("young", doc.GetRawText());
        }
        using (var srt = await http.SendAsync(Post(new ByteArrayContent(wav), "?format=srt")))
        {
            string text = await srt.Content.ReadAsStringAsync();
            Assert.StartsWith("1\n00:00:", text.ReplaceLineEndings("\n"));
            Assert.Contains(" --> ", text);
        }
        using (var vtt = await http.SendAsync(Post(new ByteArrayContent(wav), "?format=vtt")))
            Assert.StartsWith("WEBVTT", await vtt.Content.ReadAsStringAsync());
        using (var txt = await http.SendAsync(Post(new ByteArrayContent(wav), "?format=txt")))
            Assert.Contains("young", await txt.Content.ReadAsStringAsync());
    }

    [PocketSphinxFact]
    public async Task EachRefusal_HasItsStatus_AndAProblemBodyThatSaysWhy_AndKeysAreNeverLogged()
    {
        await using var app = await StartAsync(new() { ["Transcription:MaxUploadBytes"] = "2000000" });
        var wav = File.ReadAllBytes(TestAssets.LibriVox()[1].Path);

        using (var anonymous = Client(app, key: null))
        using (var response = await anonymous.SendAsync(Post(new ByteArrayContent(wav))))
        {
            await ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        using (var wrong = Client(app, key: "not-the-key-0123456789"))
        using (var response = await wrong.SendAsync(Post(new ByteArrayContent(wav))))
            await ProblemAsync(response, HttpStatusCode.Forbidden);

        using var http = Client(app);
        using (var response = await http.SendAsync(Post(new ByteArrayContent(wav), "?format=docx")))
            Assert.Contains("docx", (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        using (var response = await http.SendAsync(Post(new ByteArrayContent(wav), "?engine=whisper")))
            Assert.Contains("pocketsphinx", (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
        using (var response = await http.SendAsync(Post(new StringContent("hello"), mediaType: "text/plain")))
            await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        using (var response = await http.SendAsync(Post(new ByteArrayContent("this is not audio at all, just some text"u8.ToArray()), mediaType: "application/octet-stream")))
            Assert.Contains("not", (await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
        // As a client sending a large body should: "Expect: 100-continue", so the refusal comes before the body, which is
        // never sent. Without it the server's early answer could meet a half-sent body and the client see a broken pipe.
        var tooLarge = Post(new ByteArrayContent(new byte[2_000_001]));
        tooLarge.Headers.ExpectContinue = true;
        using (var response = await http.SendAsync(tooLarge))
            Assert.Contains("2000000", (await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString());

        Assert.DoesNotContain(app.Logs, l => l.Contains(Key) || l.Contains("not-the-key-0123456789"));
    }

    [PocketSphinxFact]
    public async Task BusyServer_Is503_AndOneClientOverItsCap_Is429_WithRetryAfter()
    {
        foreach (var (settings, status) in new[]
                 {
                     (new Dictionary<string, string> { ["Transcription:MaxConcurrentRuns"] = "1" }, HttpStatusCode.ServiceUnavailable),
                     (new Dictionary<string, string> { ["Transcription:MaxConcurrentRuns"] = "4", ["Transcription:MaxRunsPerClient"] = "1" }, (HttpStatusCode)429),
                 })
        {
            await using var app = await StartAsync(settings);
            using var http = Client(app);
            var wav = TestAssets.JoinedLibriVoxWav(out _);
            using var cancel = new CancellationTokenSource();
            // The first run holds its place while its body trickles in.
            var holding = http.SendAsync(Post(new StreamContent(new PacedStream(wav, 4096, TimeSpan.FromMilliseconds(500)))), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            await Signals.WaitUntilAsync(async () => (await MetricsAsync(http)).GetProperty("transcriptionsActive").GetInt32() == 1, TimeSpan.FromSeconds(10));

            using (var response = await http.SendAsync(Post(new ByteArrayContent(wav))))
            {
                await ProblemAsync(response, status);
                Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            }
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => holding);
        }
    }

    [PocketSphinxFact]
    public async Task AClientThatGoesAway_CancelsItsRun_AndFreesItsRecogniserAtOnce()
    {
        await using var app = await StartAsync();
        using var http = Client(app);
        var wav = TestAssets.JoinedLibriVoxWav(out _);
        var body = new PacedStream(wav, 16 * 1024, TimeSpan.FromMilliseconds(250));
        var upload = await RawHttpUpload.StartAsync(app.BaseAddress, "/api/transcriptions", body, ("Authorization", "Bearer " + Key), ("Content-Type", "audio/wav"));
        await foreach (string line in upload.ReadLinesAsync())
            if (line.Contains("resultId")) break;
        var busy = await MetricsAsync(http);
        Assert.Equal(1, busy.GetProperty("transcriptionsActive").GetInt32());
        Assert.Equal(0, busy.GetProperty("decoders").GetProperty("idle").GetInt32());

        upload.Abort();
        await upload.DisposeAsync();
        var gone = System.Diagnostics.Stopwatch.StartNew();
        await Signals.WaitUntilAsync(async () =>
        {
            var m = await MetricsAsync(http);
            return m.GetProperty("transcriptionsActive").GetInt32() == 0
                   && m.GetProperty("decoders").GetProperty("idle").GetInt32() == m.GetProperty("decoders").GetProperty("created").GetInt32();
        }, TimeSpan.FromSeconds(5));
        output.WriteLine($"recogniser free {gone.ElapsedMilliseconds} ms after the client went; the upload had {(body.Finished is null ? "not ended" : "ended")}");
        Assert.Null(body.Finished);
    }

    [PocketSphinxFact]
    public async Task A200MBBody_AtAThrottledRate_IsTranscribed_WithMemoryFlat()
    {
        // The app runs as its own process, so the heap measured is its own and not the test runner's, whose other
        // tests (browsers, corpus audio) moved a shared heap's peak by 50-70 MB in loaded full runs.
        // Collecting before each reading makes it what the app holds, not garbage awaiting a collection.
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string> { ["Api:Keys:0"] = Key, ["Metrics:CollectBeforeReading"] = "true" });
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        // 200 MB is 65 s of 8-channel 96 kHz float audio: the speech, repeated, in every channel.
        short[] speech = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out var references));
        const int Channels = 8, Rate = 96_000, FrameBytes = Channels * 4, Header = 44;
        const long Frames = 200_000_000 / FrameBytes;
        long length = Header + Frames * FrameBytes;
        byte[] header = FloatWavHeader(Channels, Rate, Frames * FrameBytes);
        void Fill(long offset, Span<byte> span)
        {
            int i = 0;
            while (i < span.Length)
            {
                long at = offset + i;
                if (at < Header) { span[i++] = header[at]; continue; }
                long frame = (at - Header) / FrameBytes;
                uint bits = BitConverter.SingleToUInt32Bits(speech[frame / 6 % speech.Length] / 32768f); // 16 kHz held for six 96 kHz frames
                for (int inFrame = (int)((at - Header) % FrameBytes); inFrame < FrameBytes && i < span.Length; inFrame++, i++)
                    span[i] = (byte)(bits >> (8 * (inFrame % 4)));
            }
        }
        // 1 MB every 50 ms: about 20 MB/s, so the upload takes about 10 s.
        var body = new PacedStream(length, Fill, 1 << 20, TimeSpan.FromMilliseconds(50));
        var process = (await MetricsAsync(http)).GetProperty("process");
        long heapBefore = process.GetProperty("managedHeapBytes").GetInt64(), heapPeak = heapBefore;
        long setBefore = process.GetProperty("workingSetBytes").GetInt64(), setPeak = setBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var now = (await MetricsAsync(http)).GetProperty("process");
                heapPeak = Math.Max(heapPeak, now.GetProperty("managedHeapBytes").GetInt64());
                setPeak = Math.Max(setPeak, now.GetProperty("workingSetBytes").GetInt64());
                await Task.Delay(250);
            }
        });

        using var response = await http.SendAsync(Post(new StreamContent(body), mediaType: "application/octet-stream"), HttpCompletionOption.ResponseHeadersRead);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        await sampling.CancelAsync();
        await sampler;
        output.WriteLine($"200 MB uploaded in {body.Finished?.TotalSeconds:0.0} s; managed heap {heapBefore / 1e6:0} MB before, {heapPeak / 1e6:0} MB at most; working set {setBefore / 1e6:0} → {setPeak / 1e6:0} MB");

        var outcome = lines[^1];
        Assert.Equal("done", outcome.GetProperty("outcome").GetString());
        Assert.InRange(outcome.GetProperty("secondsProcessed").GetDouble(), 64, 66);
        string hypothesis = string.Join(' ', lines.Where(l => l.TryGetProperty("isPartial", out var p) && !p.GetBoolean()).Select(l => l.GetProperty("transcript").GetString()));
        Assert.Contains("young", hypothesis);
        Assert.True(heapPeak - heapBefore < 50_000_000, $"the managed heap grew by {(heapPeak - heapBefore) / 1e6:0} MB for a 200 MB body");
    }

    [Fact]
    public async Task WithoutAKey_TheApiAndItsDocumentAreNotServed_AndWithOne_TheDocumentDescribesIt()
    {
        await using (var off = new ConfiguredAppServer([]))
        {
            await off.InitializeAsync();
            using var http = Client(off);
            using var post = await http.SendAsync(Post(new ByteArrayContent([1, 2, 3])));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode); // only the page's GET answers there
            using var doc = await http.GetAsync("/openapi/v1.json");
            Assert.Equal(HttpStatusCode.NotFound, doc.StatusCode);
        }
        await using var on = await StartAsync();
        using var client = Client(on);
        var openApi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operation = openApi.GetProperty("paths").GetProperty("/api/transcriptions").GetProperty("post");
        Assert.True(operation.GetProperty("responses").TryGetProperty("429", out _));
        Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "format");
    }

    private static byte[] FloatWavHeader(int channels, int rate, long dataBytes)
    {
        var h = new byte[44];
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(4), (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(h.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(20), 3); // IEEE float
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(22), (short)channels);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(28), rate * channels * 4);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(32), (short)(channels * 4));
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(34), 32);
        "data"u8.CopyTo(h.AsSpan(36));
        BinaryPrimitives.WriteUInt32LittleEndian(h.AsSpan(40), (uint)dataBytes);
        return h;
    }
}
