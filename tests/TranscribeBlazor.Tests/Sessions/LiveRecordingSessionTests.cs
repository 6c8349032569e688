using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;
using TranscribeBlazor.Audio.Microphone;

namespace TranscribeBlazor.Tests.Sessions;

/// <summary>A live recording runs through the session like a file: same engine interface, same snapshots, same endings.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class LiveRecordingSessionTests
{
    private static readonly MicrophoneLimits Limits = new(5, TimeSpan.FromHours(1), TimeSpan.FromSeconds(30), 30);

    private static byte[] Speech(double seconds) => MemoryMarshal.AsBytes(Signals.Tone(300, 16_000, seconds).AsSpan()).ToArray();

    private static async Task WaitForAsync(TranscriptionSession session, Func<SessionSnapshot, bool> condition)
    {
        var reached = new TaskCompletionSource();
        void Check() { if (condition(session.Current)) reached.TrySetResult(); }
        session.Changed += Check;
        Check();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(10));
        session.Changed -= Check;
    }

    [Fact]
    public async Task ARecording_IsTranscribedAsItArrives_AndStopFinishesIt()
    {
        var gate = new SemaphoreSlim(0);
        var engine = new ScriptedEngine(Result("1", "hello", partial: true), Result("1", "hello there", partial: false), Result("2", "after stop", partial: false)) { Gate = gate };
        await using var session = TestSessions.Create(engine);
        var audio = new MicrophoneAudio(Limits);
        var recording = new LiveRecording("Recording 14:05", audio);

        Assert.True(session.StartRecording(recording));
        Assert.Equal(SessionMessages.Listening, session.Current.Message);
        Assert.Equal(recording.Id, session.Current.RunId);
        Assert.True(await audio.WriteAsync(Speech(0.1), 0));
        gate.Release();
        await WaitForAsync(session, s => s.Transcript.Partial is not null);
        Assert.True(await audio.WriteAsync(Speech(0.1), 0));
        gate.Release();
        await WaitForAsync(session, s => s.Transcript.Finals.Count == 1 && s.Live is { SecondsRecorded: > 0.19 });
        var listening = session.Current;
        Assert.True(listening.IsRunning);
        Assert.True(listening.Live!.Listening);
        Assert.InRange(listening.Live.Level, 0.8, 1); // a loud tone
        Assert.Equal("Microphone", listening.Format!.Container);

        Assert.True(await audio.WriteAsync(Speech(0.1), 0));
        audio.Complete(MicrophoneEnd.Stopped);
        await WaitForAsync(session, s => s.Message == SessionMessages.Finishing);
        Assert.False(session.Current.Live!.Listening);
        gate.Release();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var done = session.Current;
        Assert.Equal(SessionStatus.Done, done.Status);
        Assert.Equal(["hello there", "after stop"], done.Transcript.Finals.Select(f => f.Transcript));
        Assert.Equal(0.3, done.SecondsProcessed, 3);
        Assert.StartsWith("Done: 2 segments from 0.3 s of audio", done.Message);
        Assert.True(done.IsKeepable); // goes to history like a file
        Assert.Equal(4_800, engine.SamplesRead);
    }

    [Fact]
    public async Task CancellingARecording_KeepsItsTranscript_AndRefusesTheBrowsersNextBatch()
    {
        var engine = new ScriptedEngine(Result("1", "kept", partial: false));
        await using var session = TestSessions.Create(engine);
        var audio = new MicrophoneAudio(Limits);
        session.StartRecording(new LiveRecording("Recording", audio));
        await audio.WriteAsync(Speech(0.1), 0);
        await WaitForAsync(session, s => s.Transcript.Finals.Count == 1);

        session.Cancel();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SessionStatus.Cancelled, session.Current.Status);
        Assert.Equal(["kept"], session.Current.Transcript.Finals.Select(f => f.Transcript));
        Assert.False(await audio.WriteAsync(Speech(0.1), 0)); // the browser stops capturing
    }

    [Fact]
    public async Task ADeviceGone_EndsTheRecordingDone_WithTheReason()
    {
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "before it went", partial: false)));
        var audio = new MicrophoneAudio(Limits);
        session.StartRecording(new LiveRecording("Recording", audio));
        await audio.WriteAsync(Speech(1.0), 0);
        await audio.WriteAsync(Speech(0.5), 0);
        audio.Complete(MicrophoneEnd.Disconnected);
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SessionStatus.Done, session.Current.Status);
        Assert.EndsWith("The microphone was disconnected at 1.5 s; the transcript covers what was recorded until then.", session.Current.Message);
        Assert.True(session.Current.IsKeepable);
    }

    [Fact]
    public async Task ARecording_CannotStartWhileAFileRuns_AndFilesDroppedDuringARecordingWaitForIt()
    {
        var gate = new SemaphoreSlim(0);
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "words", partial: false)) { Gate = gate });
        session.Start("talk.wav", _ => new MemoryStream(WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1), 16_000, 1)));
        Assert.False(session.StartRecording(new LiveRecording("Recording", new MicrophoneAudio(Limits))));
        gate.Release(100);
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var audio = new MicrophoneAudio(Limits);
        Assert.True(session.StartRecording(new LiveRecording("Recording", audio)));
        session.Enqueue([new QueuedFile("next.wav", null, _ => new MemoryStream(WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1), 16_000, 1)))]);
        Assert.Equal(["next.wav"], session.Current.Waiting.Select(w => w.Name));
        Assert.Equal("Recording", session.Current.FileName);
        await audio.WriteAsync(Speech(0.1), 0);
        audio.Complete(MicrophoneEnd.Stopped);
        await WaitForAsync(session, s => s.FileName == "next.wav");
    }

    [Fact]
    public async Task ARefusedMicrophone_IsShownAsAnError_KeepingTheTranscriptOnScreen()
    {
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "first file", partial: false)));
        session.Start("good.wav", _ => new MemoryStream(WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1), 16_000, 1)));
        await session.Completion;

        session.Refuse(MicrophoneMessages.CannotStart("denied"));

        Assert.Equal(SessionStatus.Error, session.Current.Status);
        Assert.Contains("not allowed to use the microphone", session.Current.Message);
        Assert.Equal(["first file"], session.Current.Transcript.Finals.Select(f => f.Transcript));
    }

    [Fact]
    public async Task ABusyServer_RefusesARecording_KeepingTheTranscriptOnScreen()
    {
        var options = new TestSettings { Admission = new() { MaxRunsPerClient = 1 } };
        var admission = options.NewAdmission();
        var gate = new SemaphoreSlim(0);
        await using var otherTab = TestSessions.Create(new ScriptedEngine(Result("1", "theirs", partial: false)) { Gate = gate }, options, admission);
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "mine", partial: false)), options, admission);
        session.Start("mine.wav", _ => new MemoryStream(WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1), 16_000, 1)));
        await session.Completion;
        otherTab.Start("theirs.wav", _ => new MemoryStream(WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1), 16_000, 1)));
        await Signals.WaitUntilAsync(() => admission.Active > 0, TimeSpan.FromSeconds(10)); // the other tab's run is admitted on its own thread

        var audio = new MicrophoneAudio(Limits);
        session.StartRecording(new LiveRecording("Recording", audio));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(SessionStatus.Error, session.Current.Status);
        Assert.Contains("You already have 1 transcription running", session.Current.Message);
        Assert.Equal(["mine"], session.Current.Transcript.Finals.Select(f => f.Transcript));
        Assert.Empty(session.Current.Waiting); // a recording is not put back in the file queue
        Assert.False(await audio.WriteAsync(Speech(0.1), 0));
        gate.Release(100);
    }
}
