using System.Buffers.Binary;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Speech the tests use, from Debian's pocketsphinx-testdata (installed by .ci/run).</summary>
public static class TestAssets
{
    public const string LibriVoxDirectory = "/usr/share/pocketsphinx/test/data/librivox";
    public const string PocketSphinxLibrary = "/usr/lib/x86_64-linux-gnu/libpocketsphinx.so.3";
    public const string ModelDirectory = "/usr/share/pocketsphinx/model/en-us";
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>axe-core's browser bundle, installed by <c>scripts/setup.sh test</c> into tests/a11y.</summary>
    public static string? Axe { get; } = RepositoryFile("tests/a11y/node_modules/axe-core/axe.min.js");

    private static string? RepositoryFile(string relative) =>
        RepositoryRoot.Find() is { } root && File.Exists(Path.Combine(root, relative)) ? Path.Combine(root, relative) : null;

    public static bool LibriVoxAvailable => File.Exists(Path.Combine(LibriVoxDirectory, "transcription"));

    public static bool PocketSphinxAvailable => File.Exists(PocketSphinxLibrary) && Directory.Exists(ModelDirectory);

    /// <summary>The five LibriVox utterances with their reference transcripts, in file order.</summary>
    public static IReadOnlyList<(string Path, string Reference)> LibriVox()
    {
        var list = new List<(string, string)>();
        foreach (var line in File.ReadAllLines(Path.Combine(LibriVoxDirectory, "transcription")))
        {
            int open = line.LastIndexOf('(');
            string id = line[(open + 1)..line.LastIndexOf(')')];
            string text = line[..open].Replace("<s>", "").Replace("</s>", "").Trim();
            list.Add((Path.Combine(LibriVoxDirectory, id + ".wav"), text));
        }
        return list;
    }

    /// <summary>The five utterances joined with a second of silence between them (~30 s of 16 kHz mono speech).</summary>
    public static byte[] JoinedLibriVoxWav(out IReadOnlyList<string> references)
    {
        var samples = new List<short>();
        var refs = new List<string>();
        foreach (var (path, reference) in LibriVox())
        {
            samples.AddRange(ReadPcm16(File.ReadAllBytes(path)));
            samples.AddRange(new short[16_000]);
            refs.Add(reference);
        }
        references = refs;
        return WavBuilder.Pcm16([.. samples], 16_000, 1);
    }

    /// <summary>Samples of a canonical 44-byte-header 16-bit WAV.</summary>
    public static short[] ReadPcm16(byte[] wav)
    {
        int data = 12;
        while (System.Text.Encoding.ASCII.GetString(wav, data, 4) != "data")
            data += 8 + BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(data + 4));
        int length = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(data + 4));
        var samples = new short[length / 2];
        for (int i = 0; i < samples.Length; i++)
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(data + 8 + i * 2));
        return samples;
    }
}

/// <summary>A fact that needs Debian's PocketSphinx and its test data; skipped with that reason when absent.</summary>
public sealed class PocketSphinxFactAttribute : FactAttribute
{
    public PocketSphinxFactAttribute()
    {
        if (!TestAssets.PocketSphinxAvailable || !TestAssets.LibriVoxAvailable)
            Skip = "Needs Debian packages libpocketsphinx3, pocketsphinx-en-us and pocketsphinx-testdata (.ci/run installs them).";
    }
}

/// <summary>A browser test: needs Debian's chromium as well as PocketSphinx.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(TestAssets.Chromium))
            Skip = "Needs Debian package chromium at /usr/bin/chromium (.ci/run installs it).";
        else if (!TestAssets.PocketSphinxAvailable || !TestAssets.LibriVoxAvailable)
            Skip = "Needs Debian packages libpocketsphinx3, pocketsphinx-en-us and pocketsphinx-testdata (.ci/run installs them).";
    }
}

/// <summary>A browser test that also makes its file with ffmpeg.</summary>
public sealed class BrowserFfmpegFactAttribute : FactAttribute
{
    public BrowserFfmpegFactAttribute()
    {
        Skip = new BrowserFactAttribute().Skip;
        if (Skip is null && !Tools.FfmpegAvailable)
            Skip = "Needs Debian package ffmpeg (.ci/run installs it).";
    }
}

/// <summary>A browser test with cases.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = new BrowserFactAttribute().Skip;
}

/// <summary>A browser test that also needs axe-core.</summary>
public sealed class AxeFactAttribute : FactAttribute
{
    public AxeFactAttribute()
    {
        Skip = new BrowserFactAttribute().Skip;
        if (Skip is null && TestAssets.Axe is null)
            Skip = "Needs axe-core in tests/a11y/node_modules (scripts/setup.sh test runs npm ci there).";
    }
}
