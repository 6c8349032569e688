namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// A browser whose microphone is Chromium's fake capture device, playing real speech once (no loop):
/// a second of silence, two LibriVox utterances half a second apart, a second of silence.
/// </summary>
public class FakeMicrophoneFixture : BrowserFixture
{
    private readonly string _speechFile = Path.Combine(Path.GetTempPath(), $"transcribeblazor-fake-mic-{Guid.NewGuid():N}.wav");

    public FakeMicrophoneFixture() : this(new AppServer()) { }

    protected FakeMicrophoneFixture(AppServer app) : base(app) { }

    /// <summary>Length of what the fake microphone plays.</summary>
    public double SpeechSeconds { get; private set; }

    /// <summary>What is said, in order.</summary>
    public IReadOnlyList<string> References { get; private set; } = [];

    protected override IEnumerable<string> BrowserArguments
    {
        get
        {
            var utterances = TestAssets.LibriVox();
            short[] samples = [.. new short[16_000], .. TestAssets.ReadPcm16(File.ReadAllBytes(utterances[0].Path)), .. new short[8_000],
                .. TestAssets.ReadPcm16(File.ReadAllBytes(utterances[2].Path)), .. new short[16_000]];
            File.WriteAllBytes(_speechFile, WavBuilder.Pcm16(samples, 16_000, 1));
            SpeechSeconds = samples.Length / 16_000.0;
            References = [utterances[0].Reference, utterances[2].Reference];
            return ["--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-audio-capture={_speechFile}%noloop"];
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        File.Delete(_speechFile);
    }
}
