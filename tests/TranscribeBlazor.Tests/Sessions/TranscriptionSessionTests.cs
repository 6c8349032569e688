using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Sessions;

public sealed class TranscriptionSessionTests
{
    private static readonly byte[] TwoSeconds = WavBuilder.Pcm16(Signals.Tone(300, 16_000, 2.0), 16_000, 1);

    private static TranscriptionSession NewSession(ITranscriptionEngine engine) =>
        NewSession(engine, new TranscriptionOptions { DefaultEngine = engine.Id });

    private static TranscriptionSession NewSession(ITranscriptionEngine engine, TranscriptionOptions options) =>
        new(new EngineCatalog([engine], Options.Create(options)), Options.Create(options), NullLogger<TranscriptionSession>.Instance);

    [Fact]
    public async Task Run_AppliesPartialsAndFinals_ThenEndsDone()
    {
        var engine = new ScriptedEngine(
            Result("1", "hello", partial: true),
            Result("1", "hello world", partial: true),
            Result("1", "hello world", partial: false),
            Result("2", "again", partial: true),
            Result("2", "again", partial: false));
        await using var session = NewSession(engine);
        int changes = 0;
        session.Changed += () => Interlocked.Increment(ref changes);

        Assert.True(session.Start("talk.wav", _ => new MemoryStream(TwoSeconds)));
        await session.Completion;

        var s = session.Current;
        Assert.Equal(SessionStatus.Done, s.Status);
        Assert.Equal(["hello world", "again"], s.Transcript.Finals.Select(f => f.Transcript));
        Assert.Null(s.Transcript.Partial);
        Assert.Equal("talk.wav", s.FileName);
        Assert.Equal(2.0, s.SecondsProcessed, 2);
        Assert.Equal(32_000, engine.SamplesRead);
        Assert.StartsWith("Done: 2 segment(s)", s.Message);
        Assert.True(changes >= 6);
    }

    [Fact]
    public async Task Cancel_StopsTheEngine_AndKeepsTheTranscriptSoFar()
    {
        var gate = new SemaphoreSlim(0);
        var engine = new ScriptedEngine(Result("1", "kept words", partial: false), Result("2", "never shown", partial: false)) { Gate = gate };
        await using var session = NewSession(engine);
        var firstFinal = new TaskCompletionSource();
        session.Changed += () => { if (session.Current.Transcript.Finals.Count > 0) firstFinal.TrySetResult(); };

        session.Start("talk.wav", _ => new MemoryStream(TwoSeconds));
        gate.Release();
        await firstFinal.Task.WaitAsync(TimeSpan.FromSeconds(5));
        session.Cancel();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(SessionStatus.Cancelled, session.Current.Status);
        Assert.Equal(["kept words"], session.Current.Transcript.Finals.Select(f => f.Transcript));
        Assert.True(engine.SawCancellation);
    }

    [Fact]
    public async Task ABadFile_IsAnError_AndThePreviousTranscriptStaysOnScreen()
    {
        await using var session = NewSession(new ScriptedEngine(Result("1", "first file", partial: false)));
        session.Start("good.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;

        session.Start("bad.wav", _ => new MemoryStream("not audio at all"u8.ToArray()));
        await session.Completion;

        var s = session.Current;
        Assert.Equal(SessionStatus.Error, s.Status);
        Assert.Equal("bad.wav: This is a text file, not audio. Drop a recording (WAV, FLAC, Ogg, MP3, M4A or WebM).", s.Message);
        Assert.Equal(["first file"], s.Transcript.Finals.Select(f => f.Transcript));
    }

    [Fact]
    public async Task AnUnexpectedFailure_IsReportedAsAnError_NotThrown()
    {
        await using var session = NewSession(new ScriptedEngine());
        session.Start("x.wav", _ => throw new IOException("connection reset"));
        await session.Completion;
        Assert.Equal(SessionStatus.Error, session.Current.Status);
        Assert.Contains("connection reset", session.Current.Message);
    }

    [Fact]
    public async Task Start_WhileRunning_IsRefused_AndReject_KeepsTheTranscript()
    {
        var gate = new SemaphoreSlim(0);
        await using var session = NewSession(new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate });
        Assert.True(session.Start("a.wav", _ => new MemoryStream(TwoSeconds)));
        Assert.False(session.Start("b.wav", _ => new MemoryStream(TwoSeconds)));
        gate.Release(10);
        await session.Completion;

        session.Reject("huge.wav", "too large");
        Assert.Equal(SessionStatus.Error, session.Current.Status);
        Assert.Equal("huge.wav: too large", session.Current.Message);
        Assert.Single(session.Current.Transcript.Finals);
    }

    [Fact]
    public async Task Dispose_CancelsTheRun_AndWaitsForIt()
    {
        var gate = new SemaphoreSlim(0);
        var engine = new ScriptedEngine(Result("1", "x", partial: false)) { Gate = gate };
        var session = NewSession(engine);
        session.Start("a.wav", _ => new MemoryStream(TwoSeconds));
        await Task.Delay(50);
        await session.DisposeAsync();
        Assert.True(session.Completion.IsCompleted);
        Assert.Equal(SessionStatus.Cancelled, session.Current.Status);
    }

    [Fact]
    public async Task AFileOverTheSizeLimit_IsTranscribedUpToTheLimit_WithANotice()
    {
        var engine = new ScriptedEngine(Result("1", "first part", partial: false));
        await using var session = NewSession(engine, new TranscriptionOptions { DefaultEngine = "scripted", MaxUploadBytes = 16_044 });
        session.Start("big.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;
        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.Equal(8_000, engine.SamplesRead); // 16,000 bytes of samples after the 44-byte header
        Assert.Contains("larger than the 0 MB limit; the transcript covers its first 0 MB", session.Current.Message);
    }

    [Fact]
    public async Task ARecordingOverTheDurationLimit_IsTranscribedUpToTheLimit_WithANotice()
    {
        var engine = new ScriptedEngine(Result("1", "first part", partial: false));
        await using var session = NewSession(engine, new TranscriptionOptions { DefaultEngine = "scripted", MaxDurationSeconds = 1.5 });
        session.Start("long.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;
        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.Equal(24_000, engine.SamplesRead);
        Assert.Contains("longer than the 1.5 s limit", session.Current.Message);
    }
}
