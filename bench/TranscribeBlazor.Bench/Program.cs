using System.Diagnostics;
using System.Globalization;
using TranscribeBlazor.Bench;
using TranscribeBlazor.Tests.Support;

// The benchmark behind docs/PERFORMANCE.md. One command: scripts/bench.sh [--runs N]
// Each figure is the median of N runs (default 3); ratios are against the bare engine on the same samples.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(3);
if (!BareEngine.Available) { Console.Error.WriteLine($"{BareEngine.Program} is missing (apt-get install pocketsphinx)"); return 2; }

string corpus = BenchAudio.FindCorpus() ?? "";
var recordings = new List<BenchAudio.Recording> { BenchAudio.JoinedLibriVox() };
if (BenchAudio.Sonnet(corpus.Length > 0 ? corpus : null) is { } sonnet) recordings.Add(sonnet);
Console.WriteLine($"# TranscribeBlazor benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Cpu()}, .NET {Environment.Version}, median of {runs}");
Console.WriteLine();

string work = Directory.CreateTempSubdirectory("tb-bench").FullName;
try
{
    // --- 1. Whole product vs the bare engine, with and without partial results ---
    var silence = WavBuilder.Pcm16(new short[1_600], 16_000, 1);
    File.WriteAllBytes(Path.Combine(work, "silence.wav"), silence);
    using var quiet = new Product(decoders: 1, partialIntervalMilliseconds: 5000);
    using var chatty = new Product(decoders: 1, partialIntervalMilliseconds: 200);
    await quiet.WarmAsync(1);
    await chatty.WarmAsync(1);
    var load = Median(runs, () => BareEngine.Run(Path.Combine(work, "silence.wav"), quiet.ModelDirectory).Wall.TotalSeconds);

    // BENCH_ONLY=parallel: a long file on 1, 2 and 4 decoders against the bare engine, and the fairness figure (needs ../shared/corpus).
    string? onlyPart = Environment.GetEnvironmentVariable("BENCH_ONLY");
    if (corpus.Length > 0 && onlyPart is null or "parallel")
        await ParallelBench.RunAsync(corpus, work, load, quiet.ModelDirectory);
    if (onlyPart == "parallel") return 0;

    Console.WriteLine("## Speed: whole product against the bare engine (one file, warm decoder)");
    Console.WriteLine();
    Console.WriteLine("| recording | audio | bare engine | product, partials off | ratio | product, partial every 200 ms | ratio | partials | WER bare | WER product |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
    var perChunk = new List<(int Chunks, long Bytes)>();
    // BENCH_ONLY=alloc|paced|live|upload runs one part (the speed table comes with alloc), for trying a setting quickly.
    string? only = Environment.GetEnvironmentVariable("BENCH_ONLY");
    foreach (var rec in only is null || only == "alloc" ? recordings : [])
    {
        string path = Path.Combine(work, "input.wav");
        File.WriteAllBytes(path, rec.Wav);
        // Interleaved (bare, off, on, bare, ...) so that drift in the machine's speed touches all three alike.
        BareEngine.Result? bareResult = null;
        Product.Run? off = null, on = null;
        var (bareTimes, offTimes, onTimes) = (new List<double>(), new List<double>(), new List<double>());
        for (int r = 0; r < runs; r++)
        {
            bareResult = BareEngine.Run(path, quiet.ModelDirectory);
            bareTimes.Add(bareResult.Wall.TotalSeconds - load);
            off = await quiet.RunAsync(() => new MemoryStream(rec.Wav), rec.Wav.Length);
            offTimes.Add(off.Wall.TotalSeconds);
            on = await chatty.RunAsync(() => new MemoryStream(rec.Wav), rec.Wav.Length);
            onTimes.Add(on.Wall.TotalSeconds);
        }
        double bare = bareTimes.Order().ElementAt(runs / 2), offSeconds = offTimes.Order().ElementAt(runs / 2), onSeconds = onTimes.Order().ElementAt(runs / 2);
        perChunk.Add((off!.Counted.Chunks, off.AllocatedBytes));
        Console.WriteLine($"| {rec.Name} | {rec.Seconds:0.0} s | {bare:0.00} s (RTF {bare / rec.Seconds:0.00}) | {offSeconds:0.00} s | {offSeconds / bare:0.00} | {onSeconds:0.00} s | {onSeconds / bare:0.00} | {on!.Counted.Partials} | {Wer(rec.Reference, bareResult!.Text)} | {Wer(rec.Reference, on.Text)} |");
    }
    Console.WriteLine();
    Console.WriteLine($"Bare engine: `pocketsphinx_continuous -infile` wall time minus its model loading ({load:0.00} s, timed on 0.1 s of audio).");
    var (hypothesisMs, wordsMs, chunkMs) = PartialCost.Measure(BenchAudio.Pcm16(recordings[0].Wav));
    Console.WriteLine($"One partial costs the decoder {hypothesisMs + wordsMs:0.00} ms (hypothesis {hypothesisMs:0.00} ms + word list {wordsMs:0.00} ms, after each 100 ms chunk of a " +
        $"{recordings[0].Seconds:0} s utterance that costs {chunkMs:0.00} ms to decode): one partial per 200 ms of speech adds {(hypothesisMs + wordsMs) / (2 * chunkMs):P1} to decoding.");
    Console.WriteLine();

    // --- 2. Allocations on the hot path ---
    Console.WriteLine("## Allocations");
    Console.WriteLine();
    foreach (var (chunks, bytes) in perChunk)
        Console.WriteLine($"- {chunks} audio chunks, {bytes / 1024.0:0} KB allocated by the whole run ({bytes / (double)chunks:0} bytes per chunk, everything included)");
    Console.WriteLine($"- by stage, per additional chunk: WAV reader and resampler **{await AllocationProbe.ReaderAsync(recordings[0].Wav, recordings[^1].Wav):0} bytes**; " +
        $"the same through the upload spool **{await AllocationProbe.SpooledReaderAsync(recordings[0].Wav, recordings[^1].Wav):0} bytes**");
    if (perChunk.Count == 2)
    {
        double marginal = (perChunk[1].Bytes - perChunk[0].Bytes) / (double)(perChunk[1].Chunks - perChunk[0].Chunks);
        Console.WriteLine($"- the whole product per additional chunk: {marginal:0} bytes — the results themselves (partials and finals, their words, the page's snapshots), not the audio path");
    }
    Console.WriteLine();

    // --- 3. First partial while the upload is still running ---
    Console.WriteLine("## First partial while the file is still arriving");
    Console.WriteLine();
    Console.WriteLine("| file | upload rate | first 0.5 s of speech in at | first audio at the engine | first partial at (covering) | latency |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var speech = BenchAudio.Pcm16(recordings[0].Wav);
    double onset = SpeechOnset(speech);
    foreach (long size in new[] { 1L << 20, 200L << 20 })
    {
        foreach (double rate in new[] { 10e6, 0 })
        {
            var latencies = new List<(double Mark, double First, double Engine, double Covers, double Fed)>();
            for (int i = 0; i < runs; i++)
            {
                long mark = 44 + (long)((onset + 0.5) * 32_000);
                FeedStream? feed = null;
                var run = await chatty.RunAsync(() => feed = LongWav(size, speech, rate, mark), size, stopWhen: c => c.Partials > 0);
                latencies.Add((Stopwatch.GetElapsedTime(run.Started, feed!.MarkTimestamp).TotalMilliseconds, Stopwatch.GetElapsedTime(run.Started, run.Counted.FirstPartialTimestamp).TotalMilliseconds,
                    Stopwatch.GetElapsedTime(run.Started, run.Counted.FirstChunkTimestamp).TotalMilliseconds, run.Counted.FirstPartialAudioEnd, run.Counted.AudioInAtFirstPartial));
            }
            var m = latencies.OrderBy(l => l.First - l.Mark).ElementAt(latencies.Count / 2);
            Console.WriteLine($"| {size / 1e6:0} MB WAV | {(rate > 0 ? $"{rate / 1e6:0} MB/s" : "unthrottled")} | {m.Mark:0} ms | {m.Engine:0} ms | {m.First:0} ms ({m.Covers:0.00} s; {m.Fed:0.00} s read) | **{m.First - m.Mark:0} ms** |");
        }
    }
    Console.WriteLine();
    Console.WriteLine($"Speech starts {onset:0.00} s into the file; timed from the session's start.");
    Console.WriteLine();

    // --- 4. Live recording: speech to first partial ---
    Console.WriteLine("## Live recording: from speech to its first partial");
    Console.WriteLine();
    Console.WriteLine("| partial every | speech to first partial, median (range) | Stop to the last final, median | WER |");
    Console.WriteLine("|---|---|---|---|");
    var liveSpeech = BenchAudio.LiveSpeech();
    var spoken = BenchAudio.Pcm16(liveSpeech.Wav);
    double spokenOnset = SpeechOnset(spoken);
    foreach (int interval in only is null || only == "live" ? new[] { 200, 100 } : [])
    {
        using var live = new Product(decoders: 1, partialIntervalMilliseconds: interval);
        await live.WarmAsync(1);
        var takes = new List<Product.Recording>();
        for (int i = 0; i < runs; i++)
            takes.Add(await live.RecordAsync(spoken, spokenOnset));
        var firsts = takes.Select(t => t.FirstPartial.TotalMilliseconds).Order().ToArray();
        var stops = takes.Select(t => t.StopToDone.TotalMilliseconds).Order().ToArray();
        Console.WriteLine($"| {interval} ms | **{firsts[firsts.Length / 2]:0} ms** ({firsts[0]:0}–{firsts[^1]:0}) | {stops[stops.Length / 2]:0} ms | {Wer(liveSpeech.Reference, takes[0].Text)} |");
    }
    Console.WriteLine();
    Console.WriteLine($"{liveSpeech.Name} ({liveSpeech.Seconds:0.0} s, speech from {spokenOnset:0.00} s) sent as the browser sends a microphone: 100 ms batches of 16 kHz mono, " +
        "each handed over when its last sample has been spoken, through the session's microphone path to a warm PocketSphinx decoder. Timed from the moment the first word " +
        "was spoken to the session's first partial; the browser adds its audio quantum (~3 ms), the circuit's round trip and one render (at most 50 ms by the coalescer).");
    Console.WriteLine();

    // --- 5. Sessions fed at real-time pace, at once ---
    Console.WriteLine("## Concurrent sessions at real-time pace (as microphones and Amazon Transcribe are fed)");
    Console.WriteLine();
    Console.WriteLine("| sessions | decoders | audio waiting to be decoded, worst | last final after the file's end, worst | CPU busy | memory (RSS) after |");
    Console.WriteLine("|---|---|---|---|---|---|");
    var paced = recordings[0];
    foreach (int sessions in only is null || only == "paced" ? new[] { 6, 8 } : [])
    {
        using var product = new Product(decoders: sessions, partialIntervalMilliseconds: 200);
        await product.WarmAsync(sessions);
        var feeds = new FeedStream?[sessions];
        var engines = new CountingEngine?[sessions];
        double worstBacklog = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                for (int i = 0; i < sessions; i++)
                    if (feeds[i] is { } f && engines[i] is { } e)
                        worstBacklog = Math.Max(worstBacklog, (f.Delivered - 44) / 32_000.0 - Interlocked.Read(ref e.SamplesIn) / 16_000.0);
                await Task.Delay(20);
            }
        });
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // People do not start speaking in the same instant: starts half a second apart.
        var all = await Task.WhenAll(Enumerable.Range(0, sessions).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromSeconds(0.5 * i));
            return await product.RunAsync(() => feeds[i] = FeedStream.Of(paced.Wav, 32_000, pieceBytes: 3_200), paced.Wav.Length, onStart: c => engines[i] = c);
        }));
        double busy = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / clock.Elapsed.TotalSeconds / Environment.ProcessorCount;
        await sampling.CancelAsync();
        await sampler;
        double finalLag = Enumerable.Range(0, sessions).Max(i => Stopwatch.GetElapsedTime(feeds[i]!.EndTimestamp, all[i].Counted.Results.Where(r => !r.Result.IsPartial).Max(r => r.Timestamp)).TotalSeconds);
        Console.WriteLine($"| {sessions} × {paced.Seconds:0.0} s | {product.Decoders.Created} | {worstBacklog:0.00} s | {finalLag:0.00} s | {busy:P0} | {Rss() / 1e6:0} MB |");
    }
    Console.WriteLine();
    Console.WriteLine("Each session is fed at exactly real time (32 KB/s, in 100 ms pieces as a microphone sends), starting half a second after the one before. " +
        "Audio waiting: delivered but not yet taken by its decoder, sampled every 20 ms.");
    Console.WriteLine();

    // --- 6. Upload through the circuit ---
    Console.WriteLine("## Upload through the circuit (the app in its own process, Chromium, Blazor's InputFile)");
    Console.WriteLine();
    string big = Path.Combine(work, "upload.wav");
    await using (var file = File.Create(big))
        await LongWav(100L << 20, speech, 0, long.MaxValue).CopyToAsync(file);
    if (only is null || only == "upload")
    {
        var upload = await UploadThroughput.MeasureAsync(big);
        Console.WriteLine(upload is { } u
            ? $"105 MB WAV (55 min of 16 kHz mono): all bytes on the server after {u.Seconds:0.0} s, **{u.MegabytesPerSecond:0.0} MB/s**. Decoding takes " +
              $"16 kHz mono at ~5× real time, 0.16 MB/s (44.1 kHz stereo WAV: 0.9 MB/s): the upload runs far ahead of the recogniser, which is the bottleneck, so it is left as it is."
            : "Chromium is missing (/usr/bin/chromium): not measured.");
        Console.WriteLine();
    }

    // --- 7. Renders ---
    Console.WriteLine("## Renders per circuit");
    Console.WriteLine();
    var burst = await chatty.RunAsync(() => new MemoryStream(recordings[0].Wav), recordings[0].Wav.Length);
    Console.WriteLine($"A file at full speed: {burst.Events} state changes in {burst.Wall.TotalSeconds:0.00} s ({burst.Events / burst.Wall.TotalSeconds:0} per second) became {burst.Renders} renders " +
        $"({burst.Renders / burst.Wall.TotalSeconds:0.0} per second, {burst.Events / (double)Math.Max(1, burst.Renders):0.0} changes per render).");
    Console.WriteLine();
    Console.WriteLine($"Peak memory of this process: {PeakRss() / 1e6:0} MB.");
}
finally
{
    Directory.Delete(work, recursive: true);
}
return 0;

static double Median(int n, Func<double> measure) => Enumerable.Range(0, n).Select(_ => measure()).Order().ElementAt(n / 2);

static string Wer(string reference, string hypothesis)
{
    int errors = WordErrorRate.Errors(Normalize(reference), Normalize(hypothesis)), words = WordErrorRate.Words(Normalize(reference)).Length;
    return $"{100.0 * errors / words:0.0} %";
}

static string Normalize(string text) => new string(text.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) || c == '\'' ? c : ' ').ToArray());

// A WAV of `size` bytes: the speech first, then the speech again and again (generated as read, never held whole).
static FeedStream LongWav(long size, short[] speech, double rate, long mark)
{
    var header = WavBuilder.Pcm16([], 16_000, 1);
    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), (int)Math.Min(int.MaxValue, size - 8));
    System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), (int)Math.Min(int.MaxValue, size - 44));
    var bytes = new byte[speech.Length * 2];
    Buffer.BlockCopy(speech, 0, bytes, 0, bytes.Length);
    return new FeedStream(size, (offset, into) =>
    {
        int n = 0;
        while (n < into.Length && offset + n < size)
        {
            long at = offset + n;
            if (at < 44) { into.Span[n++] = header[at]; continue; }
            long inSpeech = (at - 44) % bytes.Length;
            int take = (int)Math.Min(into.Length - n, bytes.Length - inSpeech);
            bytes.AsSpan((int)inSpeech, take).CopyTo(into.Span[n..]);
            n += take;
        }
        return n;
    }, rate, mark);
}

// Start of the first 20 ms frame clearly louder than the file's quietest tenth.
static double SpeechOnset(short[] samples)
{
    var energies = samples.Chunk(320).Select(f => f.Average(s => (double)s * s)).ToArray();
    double floor = energies.Order().ElementAt(energies.Length / 10);
    int first = Array.FindIndex(energies, e => e > floor * 30);
    return Math.Max(0, first) * 0.02;
}

static long Rss() => StatusField("VmRSS:");
static long PeakRss() => StatusField("VmHWM:");
static long StatusField(string name) =>
    long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(name))[name.Length..].Trim().Split(' ')[0]) * 1024;
static string Cpu() => File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
