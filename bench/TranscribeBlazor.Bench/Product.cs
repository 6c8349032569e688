using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Admission;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Components;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Bench;

/// <summary>
/// The whole product minus the browser: a <see cref="TranscriptionSession"/> (upload spool, format
/// detection, decoding, resampling, engine, transcript state, change events) over a warm decoder pool,
/// with the page's render coalescer counting the renders a circuit would do.
/// </summary>
public sealed class Product : IDisposable
{
    private readonly DecoderPool _pool;
    private readonly PocketSphinxEngine _engine;
    private readonly AdmissionControl _admission = new(Options.Create(new AdmissionOptions { MaxRunsPerClient = 1000, MaxConcurrentRuns = 1000 }));

    /// <param name="parallelFiles">Files cut at pauses and spread over idle decoders (the app's default).</param>
    public Product(int decoders, int partialIntervalMilliseconds, bool parallelFiles = true)
    {
        var engineOptions = Options.Create(new PocketSphinxOptions { MaxDecoders = decoders, PartialIntervalMilliseconds = partialIntervalMilliseconds, Parameters = Parameters, ParallelFiles = parallelFiles });
        _pool = new DecoderPool(engineOptions);
        _engine = new PocketSphinxEngine(_pool, engineOptions);
    }

    /// <summary>A circuit's session with the app's default settings over <paramref name="engine"/>.</summary>
    private TranscriptionSession NewSession(ITranscriptionEngine engine, string client = "bench") =>
        new(new EngineCatalog([engine], Options.Create(new EngineOptions { DefaultEngine = engine.Id })), Options.Create(new TranscriptionSessionOptions()),
            Options.Create(new UploadOptions()), Options.Create(new AudioInputOptions()), _admission, new SpoolBudget(Options.Create(new UploadOptions())), new ClientIdentity { Address = client }, NullLogger<TranscriptionSession>.Instance);

    /// <summary>Decoder settings under trial, from BENCH_PARAMS ("-fwdflat=no,-beam=1e-60"); none by default.</summary>
    public static Dictionary<string, string> Parameters { get; } = (Environment.GetEnvironmentVariable("BENCH_PARAMS") ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

    public string ModelDirectory => new PocketSphinxOptions().ModelDirectory;

    public sealed record Run(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, CountingEngine Counted, int Events, int Renders, string Text, SessionSnapshot Final, long Started);

    /// <summary>Makes <paramref name="decoders"/> decoders ready, as a server that has been serving would have them.</summary>
    public async Task WarmAsync(int decoders)
    {
        var silence = Tests.Support.WavBuilder.Pcm16(new short[1_600], 16_000, 1);
        // One client each: a client holds at most half the decoders, so one client's warm-up runs would wait for each other.
        await Task.WhenAll(Enumerable.Range(0, decoders).Select(i => RunAsync(() => new MemoryStream(silence), silence.Length, client: $"warm{i}")));
    }

    /// <param name="client">Whose run it is (a client address): the pool shares its decoders fairly between clients.</param>
    public async Task<Run> RunAsync(Func<Stream> open, long? size, Func<CountingEngine, bool>? stopWhen = null, Action<CountingEngine>? onStart = null, string client = "bench", CancellationToken cancel = default)
    {
        var counted = new CountingEngine(_engine);
        onStart?.Invoke(counted);
        await using var session = NewSession(counted, client);
        using var cancelling = cancel.Register(session.Cancel);
        int events = 0;
        using var renders = new RenderCoalescer(() => Task.CompletedTask, RenderCoalescer.DefaultInterval, e => Console.Error.WriteLine(e));
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Changed += () =>
        {
            Interlocked.Increment(ref events);
            renders.Request();
            if (stopWhen?.Invoke(counted) == true && stopped.TrySetResult()) session.Cancel();
        };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        long started = Stopwatch.GetTimestamp();
        session.Start("bench.wav", _ => open(), size: size);
        while (session.Current.IsRunning) await session.Completion;
        var wall = Stopwatch.GetElapsedTime(started);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        string text = string.Join(' ', session.Current.Transcript.Finals.Select(f => f.Transcript).Where(t => t.Length > 0));
        return new Run(wall, cpu, allocated, counted, events, renders.RenderCount, text, session.Current, started);
    }

    /// <param name="FirstPartial">From the moment speech started (as spoken, in wall-clock time) to the session showing its first partial.</param>
    /// <param name="StopToDone">From Stop (the last batch in) to the run ending with its last final.</param>
    public sealed record Recording(TimeSpan FirstPartial, TimeSpan StopToDone, string Text, SessionSnapshot Final);

    /// <summary>
    /// A live recording as the browser sends one: 100 ms batches of 16 kHz audio, each handed over when
    /// its last sample has been spoken, through the session's microphone path to the warm engine.
    /// </summary>
    public async Task<Recording> RecordAsync(short[] samples, double speechOnsetSeconds)
    {
        await using var session = NewSession(_engine);
        var audio = new MicrophoneAudio(new MicrophoneOptions().LimitsWith(AudioInputOptions.Default.MaxDuration, new UploadOptions().StallTimeout));
        long firstPartial = 0;
        session.Changed += () => { if (firstPartial == 0 && session.Current.Transcript.Partial is not null) Interlocked.CompareExchange(ref firstPartial, Stopwatch.GetTimestamp(), 0); };
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples.AsSpan()).ToArray();
        long started = Stopwatch.GetTimestamp();
        session.StartRecording(new LiveRecording("bench", audio));
        for (int offset = 0, batch = 3_200; offset < bytes.Length; offset += batch)
        {
            var due = TimeSpan.FromSeconds((offset + batch) / 32_000.0) - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero) await Task.Delay(due);
            await audio.WriteAsync(bytes[offset..Math.Min(bytes.Length, offset + batch)], 0);
        }
        long stopped = Stopwatch.GetTimestamp();
        audio.Complete(MicrophoneEnd.Stopped);
        while (session.Current.IsRunning) await session.Completion;
        var done = Stopwatch.GetElapsedTime(stopped);
        var spoke = started + (long)(speechOnsetSeconds * Stopwatch.Frequency);
        string text = string.Join(' ', session.Current.Transcript.Finals.Select(f => f.Transcript).Where(t => t.Length > 0));
        return new Recording(firstPartial == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(spoke, firstPartial), done, text, session.Current);
    }

    public (int Created, int Capacity) Decoders => (_pool.Created, _pool.Capacity);

    /// <summary>Decoders lent for a piece of a file right now.</summary>
    public int Borrowed => _pool.Borrowed;

    public void Dispose() => _pool.Dispose();
}
