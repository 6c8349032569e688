using System.Diagnostics;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Bench;

/// <summary>
/// Long recordings for the parallel-file benchmark: every utterance of ../shared/corpus (decoded to 16 kHz
/// mono by ffmpeg), in manifest order, each followed by a second of silence, over and over until the
/// length is reached. Written as a WAV file (the bare engine reads the same file) with its reference text.
/// </summary>
public static class LongFiles
{
    public sealed record LongFile(string Path, double Seconds, string Reference, long Bytes);

    public static LongFile Build(string corpus, double minutes, string directory)
    {
        var rows = File.ReadLines(System.IO.Path.Combine(corpus, "manifest.tsv")).Skip(1).Select(l => l.Split('\t')).ToList();
        var decoded = rows.Select(r => (Samples: Decode(System.IO.Path.Combine(corpus, r[1])), Text: r[4])).Where(r => r.Samples.Length > 0).ToList();
        var samples = new List<short>();
        var text = new List<string>();
        long wanted = (long)(minutes * 60 * 16_000);
        for (int i = 0; samples.Count < wanted; i = (i + 1) % decoded.Count)
        {
            samples.AddRange(decoded[i].Samples);
            samples.AddRange(new short[16_000]);
            text.Add(decoded[i].Text);
        }
        string path = System.IO.Path.Combine(directory, $"long-{minutes:0}min.wav");
        File.WriteAllBytes(path, WavBuilder.Pcm16([.. samples], 16_000, 1));
        return new LongFile(path, samples.Count / 16_000.0, string.Join(' ', text), new FileInfo(path).Length);
    }

    private static short[] Decode(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-v", "error", "-i", path, "-ac", "1", "-ar", "16000", "-f", "s16le", "-" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var pcm = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(pcm);
        process.WaitForExit();
        if (process.ExitCode != 0) return [];
        var bytes = pcm.ToArray();
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
