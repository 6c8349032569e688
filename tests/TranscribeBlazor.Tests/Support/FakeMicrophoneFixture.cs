namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// Real speech for Chromium's fake capture device, played once (no loop): a second of silence, two
/// LibriVox utterances half a second apart, a second of silence. The file is deleted on disposal.
/// </summary>
public sealed class FakeSpeech : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"transcribeblazor-fake-mic-{Guid.NewGuid():N}.wav");

    public FakeSpeech()
    {
        var utterances = TestAssets.LibriVox();
        short[] samples = [.. new short[16_000], .. TestAssets.ReadPcm16(File.ReadAllBytes(utterances[0].Path)), .. new short[8_000],
            .. TestAssets.ReadPcm16(File.ReadAllBytes(utterances[2].Path)), .. new short[16_000]];
        File.WriteAllBytes(_file, WavBuilder.Pcm16(samples, 16_000, 1));
        Seconds = samples.Length / 16_000.0;
        References = [utterances[0].Reference, utterances[2].Reference];
    }

    /// <summary>Length of what the fake microphone plays.</summary>
    public double Seconds { get; }

    /// <summary>What is said, in order.</summary>
    public IReadOnlyList<string> References { get; }

    /// <summary>Chromium switches: allow the microphone without asking, and make this file its only one.</summary>
    public IEnumerable<string> ChromiumArguments => ChromiumArgumentsFor(_file, loop: false);

    /// <summary>Chromium switches for a microphone that plays <paramref name="wav"/> (over and over when <paramref name="loop"/>), allowed without asking.</summary>
    public static IEnumerable<string> ChromiumArgumentsFor(string wav, bool loop) =>
        ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={wav}{(loop ? "" : "%noloop")}"];

    public void Dispose() => File.Delete(_file);
}

/// <summary>A browser whose microphone is Chromium's fake capture device playing <see cref="FakeSpeech"/>.</summary>
public class FakeMicrophoneFixture : BrowserFixture
{
    public FakeMicrophoneFixture() : this(new AppServer()) { }

    protected FakeMicrophoneFixture(AppServer app) : base(app) { }

    public FakeSpeech Speech { get; } = TestAssets.LibriVoxAvailable ? new() : null!; // absent: the tests skip themselves

    protected override IEnumerable<string> BrowserArguments => Speech?.ChromiumArguments ?? [];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Speech?.Dispose();
    }
}
