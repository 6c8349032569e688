using TranscribeBlazor.Audio;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Sessions;

/// <summary>
/// An upload whose index comes last is finished into the private spool and decoded from there: while it
/// arrives the panel says why nothing is transcribed yet and how much has come; then it is transcribed whole.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class IndexLastUploadTests
{
    [FfmpegFact]
    public async Task AnIndexLastM4a_WaitsForTheWholeUpload_SayingSo_ThenIsTranscribedWhole()
    {
        var m4a = Tools.Ffmpeg(WavBuilder.Pcm16(Signals.Tone(440, 16_000, 2), 16_000, 1), "-c:a", "aac", "-f", "ipod");
        var upload = new HeldUpload(m4a, held: m4a.Length / 2);
        var engine = new ScriptedEngine(Result("1", "whole file", partial: false));
        await using var session = TestSessions.Create(engine);

        session.Start("voice memo.m4a", _ => upload, size: m4a.Length);
        await Signals.WaitUntilAsync(() => session.Current.Message == AudioMessages.ReadOnceArrived && session.Current.BytesReceived == m4a.Length / 2, TimeSpan.FromSeconds(10));
        Assert.Equal(0, engine.SamplesRead); // nothing can be decoded before the index arrives
        Assert.Equal(SessionStatus.Running, session.Current.Status);

        upload.Release();
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        var s = session.Current;
        Assert.True(s.Status == SessionStatus.Done, $"{s.Status}: {s.Message}"); // once in a loaded clean-clone run it was Error; the message says why
        Assert.Equal("MP4/M4A", s.Format?.Container);
        Assert.InRange(engine.SamplesRead, 31_000, 33_500); // two seconds, give or take AAC's priming frames
        Assert.Equal(["whole file"], s.Transcript.Finals.Select(f => f.Transcript));
    }

    [FfmpegFact]
    public async Task AVideoWithoutSound_IsRefused_AndThePreviousTranscriptStaysOnScreen()
    {
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "first file", partial: false)));
        session.Start("good.wav", _ => new MemoryStream(WavBuilder.Pcm16(new short[32_000], 16_000, 1)));
        await session.Completion;

        var silentVideo = Tools.Ffmpeg(WavBuilder.Pcm16(new short[1_600], 16_000, 1),
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2", "-map", "1:v", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mp4");
        session.Start("screen.mp4", _ => new MemoryStream(silentVideo));
        await session.Completion;

        var s = session.Current;
        Assert.Equal(SessionStatus.Error, s.Status);
        Assert.Equal("screen.mp4: " + AudioMessages.NoAudioTrack("an MP4/M4A"), s.Message);
        Assert.Equal(["first file"], s.Transcript.Finals.Select(f => f.Transcript));
    }

    /// <summary>An upload that sends its first <c>held</c> bytes, then waits for <see cref="Release"/> before the rest.</summary>
    private sealed class HeldUpload(byte[] data, int held) : TranscribeBlazor.IO.ForwardReadStream
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _position;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= held) await _released.Task.WaitAsync(cancellationToken);
            int end = _position < held ? held : data.Length;
            int n = Math.Min(buffer.Length, end - _position);
            data.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
