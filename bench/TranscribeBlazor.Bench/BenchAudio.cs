using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Bench;

/// <summary>The recordings measured: Debian's five LibriVox utterances joined into one file (so the bare <c>pocketsphinx_continuous</c> run reads the same audio), and the long sonnet of ../shared/corpus.</summary>
public static class BenchAudio
{
    public const string LibriVoxDirectory = "/usr/share/pocketsphinx/test/data/librivox";

    public sealed record Recording(string Name, byte[] Wav, string Reference)
    {
        public double Seconds => (Wav.Length - 44) / 32_000.0;
    }

    /// <summary>The five utterances back to back (no added silence), 16 kHz mono.</summary>
    public static Recording JoinedLibriVox()
    {
        var samples = new List<short>();
        var references = new List<string>();
        foreach (string line in File.ReadAllLines(Path.Combine(LibriVoxDirectory, "transcription")))
        {
            int open = line.LastIndexOf('(');
            string id = line[(open + 1)..line.LastIndexOf(')')];
            references.Add(line[..open].Replace("<s>", "").Replace("</s>", "").Trim());
            samples.AddRange(Pcm16(File.ReadAllBytes(Path.Combine(LibriVoxDirectory, id + ".wav"))));
        }
        return new Recording("LibriVox ×5 joined", WavBuilder.Pcm16([.. samples], 16_000, 1), string.Join(' ', references));
    }

    /// <summary>
    /// What a person says after pressing Record: half a second of silence, the first utterance, a pause,
    /// the second, and a pause before Stop (~11 s).
    /// </summary>
    public static Recording LiveSpeech()
    {
        var lines = File.ReadAllLines(Path.Combine(LibriVoxDirectory, "transcription")).Take(2).ToArray();
        var samples = new List<short>(new short[8_000]);
        var references = new List<string>();
        foreach (string line in lines)
        {
            int open = line.LastIndexOf('(');
            string id = line[(open + 1)..line.LastIndexOf(')')];
            references.Add(line[..open].Replace("<s>", "").Replace("</s>", "").Trim());
            samples.AddRange(Pcm16(File.ReadAllBytes(Path.Combine(LibriVoxDirectory, id + ".wav"))));
            samples.AddRange(new short[8_000]);
        }
        return new Recording("LibriVox, two utterances spoken live", WavBuilder.Pcm16([.. samples], 16_000, 1), string.Join(' ', references));
    }

    /// <summary>The long LibriVox sonnet reading, when ../shared/corpus is beside the repository.</summary>
    public static Recording? Sonnet(string? corpus)
    {
        if (corpus is null) return null;
        var row = File.ReadLines(Path.Combine(corpus, "manifest.tsv")).Select(l => l.Split('\t'))
            .FirstOrDefault(f => f[0] == "librivox_sonnet_long" && f[1].EndsWith("audio.wav"));
        if (row is null) return null;
        // The corpus file is 16-bit mono 16 kHz already? Re-encode through our own reader to be sure of a canonical header.
        var wav = File.ReadAllBytes(Path.Combine(corpus, row[1]));
        return new Recording("LibriVox sonnets", CanonicalPcm16(wav), row[4]);
    }

    public static string? FindCorpus() => SharedFolder.Find("corpus");

    /// <summary>Samples of a canonical 44-byte-header 16-bit WAV.</summary>
    public static short[] Pcm16(byte[] wav)
    {
        int data = 12;
        while (!(wav[data] == 'd' && wav[data + 1] == 'a' && wav[data + 2] == 't' && wav[data + 3] == 'a'))
            data += 8 + BitConverter.ToInt32(wav, data + 4);
        int length = Math.Min(BitConverter.ToInt32(wav, data + 4), wav.Length - data - 8);
        var samples = new short[length / 2];
        Buffer.BlockCopy(wav, data + 8, samples, 0, samples.Length * 2);
        return samples;
    }

    private static byte[] CanonicalPcm16(byte[] wav)
    {
        int channels = BitConverter.ToInt16(wav, 22), rate = BitConverter.ToInt32(wav, 24), bits = BitConverter.ToInt16(wav, 34);
        if (channels != 1 || rate != 16_000 || bits != 16)
            throw new InvalidOperationException($"expected 16 kHz mono 16-bit, got {rate} Hz, {channels} ch, {bits} bit");
        return WavBuilder.Pcm16(Pcm16(wav), 16_000, 1);
    }
}
