using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Sessions;

/// <summary>The loudness of a run's audio reaches the page through the session's snapshot.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class RunLoudnessTests
{
    [Fact]
    public async Task AFinishedRun_CarriesTheLoudnessOfItsAudio_BucketByBucket()
    {
        // 1 s of silence, then 1 s of a half-scale tone.
        var wav = WavBuilder.Pcm16([.. new short[16_000], .. Signals.Tone(300, 16_000, 1.0, amplitude: 0.5)], 16_000, 1);
        await using var session = TestSessions.Create(new ScriptedEngine(Result("1", "hello", partial: false)));

        Assert.True(session.Start("talk.wav", _ => new MemoryStream(wav)));
        await session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var loudness = session.Current.Loudness;
        Assert.NotNull(loudness);
        Assert.Equal(2.0, loudness.Seconds, 6);
        var levels = loudness.Levels.ToArray();
        Assert.All(levels[..10], l => Assert.Equal(0, l));
        Assert.All(levels[10..], l => Assert.Equal(0.354, l, 0.005));
    }

    [Fact]
    public async Task ATranscriptFromHistory_HasNoLoudness()
    {
        await using var session = TestSessions.Create(new ScriptedEngine());
        session.Show("old.wav", "Scripted", 3, [Result("1", "from before", partial: false)], "From history.");
        Assert.Null(session.Current.Loudness);
    }
}
