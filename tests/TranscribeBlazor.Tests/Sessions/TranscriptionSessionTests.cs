using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Sessions;

[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptionSessionTests
{
    private static readonly byte[] TwoSeconds = WavBuilder.Pcm16(Signals.Tone(300, 16_000, 2.0), 16_000, 1);

    private static TranscriptionSession NewSession(ITranscriptionEngine engine, TestSettings? settings = null) => TestSessions.Create(engine, settings);

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
        Assert.StartsWith("Done: 2 segments", s.Message);
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
        Assert.Equal("bad.wav: This is a text file, not audio. Drop a recording (WAV, FLAC, Ogg, MP3, M4A, AAC, AMR, 3GP, AIFF, CAF, WMA, WebM, MKV, or a video (MP4, MOV, MKV, WebM)).", s.Message);
        Assert.Equal(["first file"], s.Transcript.Finals.Select(f => f.Transcript));
    }

    [Theory]
    [InlineData("notes.wav", "not audio at all")]
    [InlineData("empty.wav", "")]
    public async Task AFileRefusedBeforeAnyResult_NamesTheHeader_WithoutTheFormerFormat_AndSaysWhoseTranscriptStays(string name, string content)
    {
        await using var session = NewSession(new ScriptedEngine(Result("1", "first file", partial: false)));
        session.Start("good.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;
        Assert.NotNull(session.Current.Format); // the good file's format was on screen

        session.Start(name, _ => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));
        await session.Completion;

        var s = session.Current;
        Assert.Equal(SessionStatus.Error, s.Status);
        Assert.Equal(name, s.FileName);
        Assert.Null(s.Format);
        Assert.Equal("good.wav", s.TranscriptOf);
        Assert.Equal("good.wav", s.TranscriptName); // what an export of the kept transcript is named after
        Assert.Equal(["first file"], s.Transcript.Finals.Select(f => f.Transcript));
        Assert.StartsWith($"{name}: ", s.Message);

        session.Start("good2.wav", _ => new MemoryStream(TwoSeconds)); // the next run is itself again
        await session.Completion;
        Assert.Equal(("good2.wav", null), (session.Current.FileName, session.Current.TranscriptOf));
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
    public async Task Start_WhileRunning_IsRefused()
    {
        var gate = new SemaphoreSlim(0);
        await using var session = NewSession(new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate });
        Assert.True(session.Start("a.wav", _ => new MemoryStream(TwoSeconds)));
        Assert.False(session.Start("b.wav", _ => new MemoryStream(TwoSeconds)));
        gate.Release(10);
        await session.Completion;
        Assert.Equal("a.wav", session.Current.FileName);
        Assert.Single(session.Current.Transcript.Finals);
    }

    [Fact]
    public async Task QueuedFiles_RunOneAfterAnother_EachEndingReported()
    {
        await using var session = NewSession(new ScriptedEngine(Result("1", "words", partial: false)));
        var ended = new List<SessionSnapshot>();
        var allEnded = new TaskCompletionSource();
        session.RunEnded += s => { lock (ended) { ended.Add(s); if (ended.Count == 3) allEnded.TrySetResult(); } };

        var files = new[] { "a.wav", "b.wav", "c.wav" }.Select(n => new QueuedFile(n, TwoSeconds.Length, _ => new MemoryStream(TwoSeconds))).ToArray();
        Assert.Empty(session.Enqueue(files));
        await allEnded.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a.wav", "b.wav", "c.wav"], ended.Select(s => s.FileName));
        Assert.All(ended, s => Assert.Equal(SessionStatus.Done, s.Status));
        Assert.All(ended, s => Assert.Equal("words", Assert.Single(s.Transcript.Finals).Transcript));
        Assert.Equal(files.Select(f => f.Id), ended.Select(s => s.RunId));
        Assert.All(ended, s => Assert.Equal(TwoSeconds.Length, s.BytesReceived));
        Assert.Equal(TwoSeconds.Length, ended[0].BytesTotal);
        Assert.Empty(session.Current.Waiting);
    }

    [Fact]
    public async Task WaitingFiles_CanBeRemoved_AndCancellingOneRunMovesOnToTheNext()
    {
        var gate = new SemaphoreSlim(0);
        await using var session = NewSession(new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate });
        var ended = new List<string?>();
        session.RunEnded += s => { lock (ended) ended.Add($"{s.FileName}:{s.Status}"); };
        var files = new[] { "a.wav", "b.wav", "c.wav" }.Select(n => new QueuedFile(n, null, _ => new MemoryStream(TwoSeconds))).ToArray();

        session.Enqueue(files);
        Assert.Equal("a.wav", session.Current.FileName);
        Assert.Equal(["b.wav", "c.wav"], session.Current.Waiting.Select(w => w.Name));
        Assert.True(session.Remove(files[1].Id));
        Assert.False(session.Remove(files[0].Id)); // running, not waiting
        Assert.Equal(["c.wav"], session.Current.Waiting.Select(w => w.Name));

        session.Cancel();
        await WaitUntil(() => session.Current is { FileName: "c.wav", IsRunning: true });
        gate.Release(10);
        await WaitUntil(() => session.Current.Status == SessionStatus.Done);
        Assert.Equal(["a.wav:Cancelled", "c.wav:Done"], ended);
    }

    [Fact]
    public async Task CancelAll_EmptiesTheQueue_AndFilesBeyondTheLimitAreRefused()
    {
        var gate = new SemaphoreSlim(0);
        var options = new TestSettings { Session = new() { MaxWaitingFiles = 2 } };
        await using var session = NewSession(new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate }, options);
        var files = Enumerable.Range(1, 5).Select(i => new QueuedFile($"{i}.wav", null, _ => new MemoryStream(TwoSeconds))).ToArray();

        var ended = new TaskCompletionSource<SessionSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.RunEnded += s => ended.TrySetResult(s);

        var refused = session.Enqueue(files);
        Assert.Equal(["4.wav", "5.wav"], refused.Select(f => f.Name)); // one runs, two wait
        Assert.Equal(2, session.Current.Waiting.Count);

        session.CancelAll();
        // A run's end is where the next file would start, before RunEnded is raised: after it, nothing can.
        Assert.Equal(SessionStatus.Cancelled, (await ended.Task.WaitAsync(TimeSpan.FromSeconds(10))).Status);
        Assert.Equal("1.wav", session.Current.FileName);
        Assert.False(session.Current.IsRunning);
        Assert.Empty(session.Current.Waiting);
    }

    [Fact]
    public async Task WhenTheServerIsBusy_TheFileGoesBackToTheQueue_WhichPausesUntilTheUserTriesAgain()
    {
        var options = new TestSettings { Admission = new() { MaxConcurrentRuns = 1 } };
        var admission = options.NewAdmission();
        var gate = new SemaphoreSlim(0);
        await using var other = TestSessions.Create(new ScriptedEngine(Result("1", "theirs", partial: false)) { Gate = gate }, options, admission, client: "10.0.0.2");
        await using var mine = TestSessions.Create(new ScriptedEngine(Result("1", "mine", partial: false)), options, admission, client: "10.0.0.1");

        var refusedRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        mine.RunEnded += _ => refusedRun.TrySetResult();

        other.Start("theirs.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => admission.Active == 1);
        mine.Enqueue([new QueuedFile("a.wav", null, _ => new MemoryStream(TwoSeconds)), new QueuedFile("b.wav", null, _ => new MemoryStream(TwoSeconds))]);
        // The refused run's end is where a retry would start, before RunEnded is raised.
        await refusedRun.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SessionStatus.Error, mine.Current.Status);
        Assert.Contains("The server is busy", mine.Current.Message);
        Assert.True(mine.Current.QueuePaused);
        Assert.Equal(["a.wav", "b.wav"], mine.Current.Waiting.Select(w => w.Name)); // nothing lost

        gate.Release(10);
        await other.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SessionStatus.Error, mine.Current.Status); // paused: the freed slot does not make it retry on its own
        Assert.Equal(0, admission.Active);
        mine.Resume();
        await WaitUntil(() => mine.Current is { FileName: "b.wav", Status: SessionStatus.Done });
        Assert.False(mine.Current.QueuePaused);
        Assert.Equal(0, admission.Active);
    }

    [Fact]
    public async Task OneClient_IsHeldToItsOwnLimit_WhileOthersAreServed()
    {
        var options = new TestSettings { Admission = new() { MaxRunsPerClient = 1 } };
        var admission = options.NewAdmission();
        var gate = new SemaphoreSlim(0);
        ScriptedEngine Engine() => new(Result("1", "words", partial: false)) { Gate = gate };
        await using var firstTab = TestSessions.Create(Engine(), options, admission, client: "10.0.0.1");
        await using var secondTab = TestSessions.Create(Engine(), options, admission, client: "10.0.0.1");
        await using var someoneElse = TestSessions.Create(Engine(), options, admission, client: "10.0.0.2");

        firstTab.Start("a.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => admission.Active == 1); // admitted on a pool thread: let the first tab in before the second asks
        secondTab.Start("b.wav", _ => new MemoryStream(TwoSeconds));
        someoneElse.Start("c.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => secondTab.Current.Status == SessionStatus.Error);
        Assert.Contains("You already have 1 transcription running", secondTab.Current.Message);
        Assert.True(someoneElse.Current.IsRunning);
        gate.Release(10);
        await WaitUntil(() => firstTab.Current.Status == SessionStatus.Done && someoneElse.Current.Status == SessionStatus.Done);
    }

    [Fact]
    public async Task AnUploadThatStopsArriving_EndsTheRun_WithItsReason_AndFreesTheSlot()
    {
        var options = new TestSettings { Uploads = new() { UploadStallSeconds = 1 } };
        var admission = options.NewAdmission();
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "early words", partial: false)), options, admission);
        var pipe = new System.IO.Pipelines.Pipe();
        await pipe.Writer.WriteAsync(TwoSeconds.AsMemory(0, 20_044)); // the header and some audio, then nothing
        session.Start("quiet.wav", _ => pipe.Reader.AsStream());

        await WaitUntil(() => session.Current.Status == SessionStatus.Error);
        Assert.Contains("Nothing more of the file arrived for 1 s", session.Current.Message);
        Assert.Equal("early words", Assert.Single(session.Current.Transcript.Finals).Transcript);
        Assert.Equal(0, admission.Active);
    }

    [Fact]
    public async Task ARunWaitingForTheEngine_SaysItsPlace_ThenTranscribes()
    {
        await using var session = NewSession(new ScriptedEngine(Result("1", "words", partial: false)) { QueuePlaces = [3, 2, 1, 0] });
        var messages = new List<string?>();
        session.Changed += () => { lock (messages) if (messages.LastOrDefault() != session.Current.Message) messages.Add(session.Current.Message); };
        session.Start("a.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;
        Assert.Equal(["Every recogniser on the server is busy: 2 ahead of you.", "Every recogniser on the server is busy: 1 ahead of you.",
            "Every recogniser on the server is busy: you are next.", SessionMessages.Transcribing], messages.SkipWhile(m => m is null || !m.StartsWith("Every")).Take(4));
        Assert.Equal(SessionStatus.Done, session.Current.Status);
    }

    [Fact]
    public async Task ATabWaitingBehindItsOwnClientsRecognisers_SaysWhy_AndAnotherClientGoesFirst()
    {
        var turns = new TranscribeBlazor.Engines.PocketSphinx.DecoderTurns(2, perClient: 2);
        var admission = new TestSettings().NewAdmission();
        TurnTakingEngine Engine(SemaphoreSlim gate) => new(turns, new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate });
        var (gate1, gate2, gateOthers) = (new SemaphoreSlim(0), new SemaphoreSlim(0), new SemaphoreSlim(0));
        await using var tab1 = TestSessions.Create(Engine(gate1), admission: admission, client: "10.0.0.1");
        await using var tab2 = TestSessions.Create(Engine(gate2), admission: admission, client: "10.0.0.1");
        await using var tab3 = TestSessions.Create(Engine(gateOthers), admission: admission, client: "10.0.0.1");
        await using var someoneElse = TestSessions.Create(Engine(gateOthers), admission: admission, client: "10.0.0.2");

        tab1.Start("a.wav", _ => new MemoryStream(TwoSeconds));
        tab2.Start("b.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => turns.HeldBy("10.0.0.1") == 2); // nobody else waited: one client may use both
        tab3.Start("c.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => tab3.Current.Message == "Waiting: you already have 2 of the server's 2 recognisers; you are next.");
        someoneElse.Start("d.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => someoneElse.Current.Message == "Every recogniser on the server is busy: you are next.");
        await WaitUntil(() => tab3.Current.Message == "Waiting: you already have 2 of the server's 2 recognisers; others are waiting for one.");

        gate1.Release(10);
        await WaitUntil(() => turns.HeldBy("10.0.0.2") == 1); // tab1's recogniser went to the other client, not to tab3
        Assert.True(tab3.Current.IsRunning);
        await WaitUntil(() => tab3.Current.Message == "Waiting: you already have 1 of the server's 2 recognisers; you are next.");

        gate2.Release(10);
        gateOthers.Release(20);
        await WaitUntil(() => new[] { tab1, tab2, tab3, someoneElse }.All(s => s.Current.Status == SessionStatus.Done));
        Assert.Equal(0, admission.Active);
    }

    [Fact]
    public async Task ASecondFileOfAClientAtItsCap_WaitsAndSaysWhy_WhileAnotherClientStartsAtOnce()
    {
        var turns = new TranscribeBlazor.Engines.PocketSphinx.DecoderTurns(2, perClient: 1);
        var admission = new TestSettings().NewAdmission();
        TurnTakingEngine Engine(SemaphoreSlim gate) => new(turns, new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate });
        var (recording, others) = (new SemaphoreSlim(0), new SemaphoreSlim(0));
        await using var tab1 = TestSessions.Create(Engine(recording), admission: admission, client: "10.0.0.1");
        await using var tab2 = TestSessions.Create(Engine(others), admission: admission, client: "10.0.0.1");
        await using var someoneElse = TestSessions.Create(Engine(others), admission: admission, client: "10.0.0.2");

        tab1.Start("hours.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => turns.HeldBy("10.0.0.1") == 1);
        tab2.Start("b.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => tab2.Current.Message == "Waiting: you already have 1 of the server's 2 recognisers, as many as one person may use at once so that others can start; this file begins when one of yours ends.");
        someoneElse.Start("c.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => turns.HeldBy("10.0.0.2") == 1); // the decoder tab2 could not take was there for them
        others.Release(10);
        await WaitUntil(() => someoneElse.Current.Status == SessionStatus.Done);
        Assert.True(tab2.Current.IsRunning); // still behind its own client's long run

        recording.Release(10);
        await WaitUntil(() => tab1.Current.Status == SessionStatus.Done && tab2.Current.Status == SessionStatus.Done);
        Assert.Equal(0, admission.Active);
    }

    [Fact]
    public async Task WhenTheServersUploadSpaceIsFull_AFileIsRefusedWithWhy_EarlyWhenItsSizeIsKnown_AndNothingShownIsLost()
    {
        const long MiB = 1L << 20;
        var settings = new TestSettings { Uploads = new() { MaxSpoolBytesPerClient = MiB, MaxSpoolBytes = MiB } };
        var spool = settings.NewSpoolBudget();
        var admission = settings.NewAdmission();
        await using var someoneElse = TestSessions.Create(new ScriptedEngine(), settings, admission, client: "10.0.0.2", spool: spool);
        await using var mine = TestSessions.Create(new ScriptedEngine(Result("1", "first file", partial: false)), settings, admission, client: "10.0.0.1", spool: spool);
        var large = WavBuilder.Pcm16(new short[300_000], 16_000, 1); // 600 KB: fits alone, not beside another

        mine.Start("good.wav", _ => new MemoryStream(TwoSeconds));
        await mine.Completion;
        var pipe = new System.IO.Pipelines.Pipe(new System.IO.Pipelines.PipeOptions(pauseWriterThreshold: 0)); // the write completes before anyone reads
        await pipe.Writer.WriteAsync(large.AsMemory(0, 500_000)).AsTask().WaitAsync(TimeSpan.FromSeconds(10)); // still uploading: its spool holds what arrived
        someoneElse.Start("theirs.wav", _ => pipe.Reader.AsStream());
        await WaitUntil(() => spool.Total == 500_000);

        int opened = 0;
        mine.Start("known.wav", _ => { Interlocked.Increment(ref opened); return new MemoryStream(large); }, size: large.Length);
        await mine.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, opened); // refused before a byte of it was read
        Assert.Equal(SessionStatus.Error, mine.Current.Status);
        Assert.Equal("known.wav: The server's upload space is full (at most 1 MB for everyone's uploads at once). Try again in a few minutes; your other files are not affected.", mine.Current.Message);
        Assert.Equal(["first file"], mine.Current.Transcript.Finals.Select(f => f.Transcript)); // the transcript on screen stays

        mine.Start("unknown.wav", _ => new MemoryStream(large)); // no size from the browser: stopped once it outgrows the space
        await mine.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SessionStatus.Error, mine.Current.Status);
        Assert.Contains("The server's upload space is full", mine.Current.Message);
        Assert.Equal(500_000, spool.Total); // its own spool was given back; the other upload's is untouched
        Assert.True(someoneElse.Current.IsRunning);

        pipe.Writer.Complete(); // the other upload ends (short of its header's length)
        await WaitUntil(() => !someoneElse.Current.IsRunning);
        Assert.Equal(0, spool.Total);
        mine.Start("again.wav", _ => new MemoryStream(large)); // with the space free again, the same file goes through
        await mine.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SessionStatus.Done, mine.Current.Status);
    }

    private static Task WaitUntil(Func<bool> condition, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string what = "") =>
        Signals.WaitUntilAsync(condition, TimeSpan.FromSeconds(10), what);

    [Fact]
    public async Task Dispose_CancelsTheRun_AndWaitsForIt()
    {
        var gate = new SemaphoreSlim(0);
        var engine = new ScriptedEngine(Result("1", "x", partial: false)) { Gate = gate };
        var session = NewSession(engine);
        session.Start("a.wav", _ => new MemoryStream(TwoSeconds));
        await WaitUntil(() => engine.SamplesRead > 0); // the engine has the audio and waits at the gate
        await session.DisposeAsync();
        Assert.True(session.Completion.IsCompleted);
        Assert.Equal(SessionStatus.Cancelled, session.Current.Status);
    }

    [Fact]
    public async Task Dispose_StartsNoWaitingFile()
    {
        var gate = new SemaphoreSlim(0);
        var session = NewSession(new ScriptedEngine(Result("1", "x", partial: false)) { Gate = gate });
        int opened = 0;
        session.Enqueue([.. Enumerable.Range(0, 3).Select(i => new QueuedFile($"{i}.wav", null, _ => { Interlocked.Increment(ref opened); return new MemoryStream(TwoSeconds); }))]);
        await WaitUntil(() => opened == 1);
        await session.DisposeAsync(); // waits for the run's end, the one place a next file starts
        Assert.Equal(1, opened);
        Assert.Equal("0.wav", session.Current.FileName);
    }

    [Fact]
    public async Task AFileOverTheSizeLimit_IsTranscribedUpToTheLimit_WithANotice()
    {
        var engine = new ScriptedEngine(Result("1", "first part", partial: false));
        await using var session = NewSession(engine, new TestSettings { Audio = new() { MaxUploadBytes = 16_044 } });
        session.Start("big.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;
        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.Equal(8_000, engine.SamplesRead); // 16,000 bytes of samples after the 44-byte header
        Assert.Contains("larger than the 15.7 KB limit; the transcript covers its first 15.7 KB.", session.Current.Message);
    }

    [Theory]
    [InlineData(1_000, "1000 bytes")]
    [InlineData(3L << 20, "3 MB")]
    public async Task TheSizeLimitNotice_SaysTheLimitInItsOwnUnit(long limit, string shown)
    {
        var engine = new ScriptedEngine(Result("1", "first part", partial: false));
        await using var session = NewSession(engine, new TestSettings { Audio = new() { MaxUploadBytes = limit } });
        var larger = WavBuilder.Pcm16(new short[limit / 2 + 16_000], 16_000, 1);
        session.Start("big.wav", _ => new MemoryStream(larger));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.Equal((limit - 44) / 2, engine.SamplesRead);
        Assert.Contains($"larger than the {shown} limit; the transcript covers its first {shown}.", session.Current.Message);
    }

    [Fact]
    public async Task ARecordingOverTheDurationLimit_IsTranscribedUpToTheLimit_WithANotice()
    {
        var engine = new ScriptedEngine(Result("1", "first part", partial: false));
        await using var session = NewSession(engine, new TestSettings { Audio = new() { MaxDurationSeconds = 1.5 } });
        session.Start("long.wav", _ => new MemoryStream(TwoSeconds));
        await session.Completion;
        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.Equal(24_000, engine.SamplesRead);
        Assert.Contains("longer than the 1.5 s limit", session.Current.Message);
    }
}
