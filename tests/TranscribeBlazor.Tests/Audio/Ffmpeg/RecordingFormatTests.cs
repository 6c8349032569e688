using TranscribeBlazor.Audio;
using TranscribeBlazor.Pipeline;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Audio.Ffmpeg;

/// <summary>
/// What people actually have: an M4A or MOV with its index at the end, video files, phone and voice-note
/// formats. Each is made here by ffmpeg or sox from a corpus utterance, read from a file as the command line
/// reads it (the browser's spool takes the same path), and its words are checked against the reference.
/// </summary>
[Trait(Category.Name, Category.Corpus)]
public sealed class RecordingFormatTests(ITestOutputHelper output)
{
    // LJ Speech's first clip: 9.7 s of clear read speech, 22.05 kHz, recognised at 5% WER from its WAV.
    private const string Clip = "ljspeech_subset/wavs/LJ001-0001.wav";

    // A tiny test card as the picture track: what matters is that a video stream comes first.
    private static readonly string[] Picture = ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-map", "1:v", "-map", "0:a", "-shortest"];

    public static TheoryData<string, string, string, double, string[]> Variants() => new()
    {
        // Wideband audio is recognised about as well as the WAV (5%); the bound leaves room for codec loss.
        { "M4A, index at the end (ffmpeg's default)", "MP4/M4A", "aac", 0.25, ["-c:a", "aac", "-b:a", "64k", "-f", "ipod"] },
        { "MOV, index at the end", "MOV", "aac", 0.25, ["-c:a", "aac", "-b:a", "64k", "-f", "mov"] },
        { "MP4 video, H.264 + AAC, index at the end", "MP4/MOV video", "aac", 0.25, [.. Picture, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-f", "mp4"] },
        { "MKV video, H.264 + Opus", "Matroska video", "opus", 0.25, [.. Picture, "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "libopus", "-f", "matroska"] },
        { "WebM video, VP8 + Opus", "WebM video", "opus", 0.25, [.. Picture, "-c:v", "libvpx", "-deadline", "realtime", "-c:a", "libopus", "-f", "webm"] },
        { "Opus in Matroska (MKA)", "Matroska", "opus", 0.25, ["-c:a", "libopus", "-b:a", "24k", "-f", "matroska"] },
        { "AIFF", "AIFF", "pcm_s16be", 0.25, ["-f", "aiff"] },
        { "AIFC, 32-bit float", "AIFF", "pcm_f32be", 0.25, ["-c:a", "pcm_f32be", "-f", "aiff"] },
        { "CAF, Apple Lossless, packet table at the end", "CAF", "alac", 0.25, ["-c:a", "alac", "-f", "caf"] },
        { "CAF, 16-bit PCM", "CAF", "pcm_s16be", 0.25, ["-c:a", "pcm_s16be", "-f", "caf"] },
        { "WMA", "WMA/ASF", "wmav2", 0.25, ["-c:a", "wmav2", "-b:a", "64k", "-f", "asf"] },
        { "AAC, raw ADTS", "AAC", "aac", 0.25, ["-c:a", "aac", "-b:a", "64k", "-f", "adts"] },
    };

    [CorpusTheory]
    [MemberData(nameof(Variants))]
    public async Task EachRecording_IsDetectedFromItsBytes_AndItsWordsRecognised(string name, string container, string codec, double maxWer, string[] encode)
    {
        var file = Tools.Ffmpeg(File.ReadAllBytes(Path.Combine(SharedCorpus.Directory!, Clip)), encode);
        await AssertTranscribedAsync(name, file, container, codec, maxWer);
    }

    [CorpusSoxTheory]
    [InlineData("AMR-NB voice note", "AMR", false)]
    [InlineData("3GP with AMR-NB, as phones record", "3GP", true)]
    public async Task PhoneSpeech_AtTelephoneBandwidth_IsRecognised(string name, string container, bool in3gp)
    {
        // 12.2 kbit/s, the mode phones use for voice; sox's is the only AMR encoder Debian ships.
        var amr = Tools.Sox(File.ReadAllBytes(Path.Combine(SharedCorpus.Directory!, Clip)), "wav", "-r", "8000", "-c", "1", "-C", "7", "-t", "amr-nb", "-");
        var file = in3gp ? Tools.Ffmpeg(amr, "-c:a", "copy", "-f", "3gp") : amr;
        // Telephone bandwidth against PocketSphinx's 16 kHz model costs most of the accuracy by itself: the same
        // clip as an 8 kHz WAV is the yardstick, and the codec may add at most 30 points to it.
        var narrowband = Tools.Sox(File.ReadAllBytes(Path.Combine(SharedCorpus.Directory!, Clip)), "wav", "-r", "8000", "-c", "1", "-t", "wav", "-");
        double baseline = await AssertTranscribedAsync("8 kHz WAV", narrowband, "WAV", "16-bit PCM", 1.0);
        await AssertTranscribedAsync(name, file, container, "amr_nb", baseline + 0.3);
    }

    [CorpusAmrWbFact]
    public async Task WidebandPhoneSpeech_AmrWb_IsRecognised_AsWellAsItsWav()
    {
        var clip = File.ReadAllBytes(Path.Combine(SharedCorpus.Directory!, Clip));
        var wideband = Tools.Ffmpeg(clip, "-ar", "16000", "-ac", "1", "-f", "s16le");
        var amrWb = AmrWbEncoder.Encode(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(wideband));
        // AMR-WB keeps the 16 kHz band PocketSphinx's model was trained on, unlike AMR-NB's 8 kHz: the 16 kHz WAV is the yardstick.
        double baseline = await AssertTranscribedAsync("16 kHz WAV", WavBuilder.Pcm16(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(wideband).ToArray(), 16_000, 1), "WAV", "16-bit PCM", 1.0);
        await AssertTranscribedAsync("AMR-WB voice note, 12.65 kbit/s", amrWb, "AMR", "amr_wb", baseline + 0.15);
    }

    private async Task<double> AssertTranscribedAsync(string name, byte[] file, string container, string codec, double maxWer)
    {
        string reference = SharedCorpus.Normalize(SharedCorpus.Set("ljspeech").Single(u => u.Path.EndsWith(Clip, StringComparison.Ordinal)).Transcript);
        string path = Path.Combine(Path.GetTempPath(), "recording-" + Guid.NewGuid().ToString("N"));
        var (engine, pool) = EngineFactory.PocketSphinx();
        using var poolScope = pool;
        try
        {
            File.WriteAllBytes(path, file); // a neutral name: the format is judged from the bytes alone
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            await using var pipeline = await TranscriptionPipeline.OpenAsync(stream, engine, AudioInputOptions.Default, CancellationToken.None, wholeFile: WholeFile.Of(stream));
            Assert.Equal(container, pipeline.SourceFormat.Container);
            Assert.Equal(codec, pipeline.SourceFormat.Codec);
            var results = new List<TranscribeBlazor.Transcripts.TranscriptResult>();
            await foreach (var result in pipeline.RunAsync(CancellationToken.None)) results.Add(result);
            string text = SharedCorpus.Normalize(EngineFactory.FinalText(results));
            double wer = (double)WordErrorRate.Errors(reference, text) / WordErrorRate.Words(reference).Length;
            output.WriteLine($"{name}: {file.Length} bytes, {container}/{codec}, WER {wer:P0}: {text}");
            Assert.True(wer <= maxWer, $"{name}: WER {wer:P0} over {maxWer:P0}: {text}");
            Assert.Empty(pipeline.Notices);
            return wer;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
