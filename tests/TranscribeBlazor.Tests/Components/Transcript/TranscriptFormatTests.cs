using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.Tests.Components.Transcript;

[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptFormatTests
{
    [Theory]
    [InlineData(0, "0:00.0")]
    [InlineData(7.34, "0:07.3")]
    [InlineData(59.96, "1:00.0")]
    [InlineData(125.5, "2:05.5")]
    [InlineData(3_725.25, "1:02:05.3")]
    [InlineData(-1, "0:00.0")]
    public void Clock_ReadsAsMinutesSecondsTenths(double seconds, string expected) =>
        Assert.Equal(expected, TranscriptFormat.Clock(seconds));

    [Fact]
    public void Describe_NamesRateChannelsAndDuration() =>
        Assert.Equal("WAV · 16-bit PCM · 22.05 kHz · mono · 0:02.0",
            TranscriptFormat.Describe(new TranscribeBlazor.Audio.Wav.WavFormat(1, 22_050, 16, TranscribeBlazor.Audio.Wav.WavSampleEncoding.Pcm16, 88_200).ToInfo()));

    [Fact]
    public void Describe_LeavesOutACodecNamedLikeItsContainer() =>
        Assert.Equal("MP3 · 44.1 kHz · stereo",
            TranscriptFormat.Describe(new TranscribeBlazor.Audio.AudioFormatInfo("MP3", "mp3", 2, 44_100, null)));

    [Fact]
    public void Progress_ShowsTheUploadOnlyWhileItRuns_ThenAudio_Elapsed_AndSpeed()
    {
        var format = new TranscribeBlazor.Audio.AudioFormatInfo("WAV", "16-bit PCM", 1, 16_000, TimeSpan.FromSeconds(25));
        var uploading = SessionSnapshot.Idle with
        {
            Status = SessionStatus.Running, Format = format, SecondsProcessed = 12.3, Elapsed = TimeSpan.FromSeconds(64),
            BytesReceived = 3_200_000, BytesTotal = 10_000_000,
        };
        Assert.Equal("uploaded 3.2 MB of 10.0 MB · 12.3 s of 25.0 s · 1:04 elapsed · 0.2× real time", TranscriptFormat.Progress(uploading));

        var uploaded = uploading with { BytesReceived = 10_000_000, Elapsed = TimeSpan.FromSeconds(3) };
        Assert.Equal("12.3 s of 25.0 s · 0:03 elapsed · 4.1× real time", TranscriptFormat.Progress(uploaded));

        var mp3 = uploaded with { Format = format with { Duration = null } };
        Assert.Equal("12.3 s · 0:03 elapsed · 4.1× real time", TranscriptFormat.Progress(mp3));
        Assert.Null(TranscriptFormat.Percent(mp3));
        Assert.Equal("12.3 s of 41.0 s · 0:03 elapsed · 4.1× real time", TranscriptFormat.Progress(mp3, browserSeconds: 41));
        Assert.Equal(30, TranscriptFormat.Percent(mp3, browserSeconds: 41)!.Value, 6);
        Assert.Equal(49.2, TranscriptFormat.Percent(uploaded, browserSeconds: 41)!.Value, 6); // the server's own length wins

        var starting = SessionSnapshot.Idle with { Status = SessionStatus.Running, BytesTotal = 500 };
        Assert.Equal("uploaded 0 KB of 1 KB · 0.0 s · 0:00 elapsed", TranscriptFormat.Progress(starting));
    }

    [Fact]
    public void Progress_OfARecording_IsItsLengthAndWhatIsTranscribed_AndTheBacklogOnceItShows()
    {
        var recording = SessionSnapshot.Idle with
        {
            Status = SessionStatus.Running, SecondsProcessed = 11.9, Elapsed = TimeSpan.FromSeconds(13),
            Live = new LiveStatus(Listening: true, Level: 0.5, SecondsRecorded: 12.34, BacklogSeconds: 0.4),
        };
        Assert.Equal("0:12.3 recorded · 11.9 s transcribed", TranscriptFormat.Progress(recording));
        Assert.Equal(100 * 11.9 / 12.34, TranscriptFormat.Percent(recording)!.Value, 6);
        Assert.False(recording.Live!.IsBehind);

        var behind = recording with { Live = recording.Live with { BacklogSeconds = 2.44 } };
        Assert.Equal("0:12.3 recorded · 11.9 s transcribed · 2.4 s waiting", TranscriptFormat.Progress(behind));
        Assert.True(behind.Live!.IsBehind);
        Assert.False((behind.Live with { Listening = false }).IsBehind); // once stopped it is only finishing
    }
}
