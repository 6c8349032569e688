using System.Text.RegularExpressions;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// Real speech with reference transcripts in <c>../shared/corpus</c> beside the repository (never
/// copied into it). See its README.txt and manifest.tsv.
/// </summary>
public static partial class SharedCorpus
{
    public static string? Directory { get; } = Locate();

    public static bool Available => Directory is not null;

    public sealed record Utterance(string Set, string Path, double Seconds, string Transcript);

    public static IReadOnlyList<Utterance> Set(string name) =>
        File.ReadLines(System.IO.Path.Combine(Directory!, "manifest.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => f[0] == name)
            .Select(f => new Utterance(f[0], System.IO.Path.Combine(Directory!, f[1]), double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f[4]))
            .ToList();

    /// <summary>Lower case, punctuation gone (apostrophes kept), so references and hypotheses compare word for word.</summary>
    public static string Normalize(string text) => NotAWordCharacter().Replace(text.ToLowerInvariant(), " ").Trim();

    /// <summary>The words of every interval of every tier of a Praat TextGrid, in time order.</summary>
    public static string TextGridTranscript(string path)
    {
        var intervals = TextGridInterval().Matches(File.ReadAllText(path))
            .Select(m => (Start: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Text: m.Groups[3].Value))
            .Where(i => i.Text.Trim().Length > 0)
            .OrderBy(i => i.Start);
        return string.Join(' ', intervals.Select(i => i.Text.Trim()));
    }

    private static string? Locate() =>
        SharedFolder.Find("corpus") is { } corpus && File.Exists(System.IO.Path.Combine(corpus, "manifest.tsv")) ? corpus : null;

    [GeneratedRegex(@"[^a-z0-9']+")]
    private static partial Regex NotAWordCharacter();

    [GeneratedRegex(@"xmin = ([\d.]+)\s+xmax = ([\d.]+)\s+text = ""([^""]*)""")]
    private static partial Regex TextGridInterval();
}

/// <summary>A test on ../shared/corpus; skipped with that reason when the corpus is not beside the repository.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!SharedCorpus.Available) Skip = "Needs the speech corpus at ../shared/corpus beside the repository (present in CI).";
        else if (!Tools.FfmpegAvailable || !TestAssets.PocketSphinxAvailable) Skip = "Needs Debian packages ffmpeg, libpocketsphinx3 and pocketsphinx-en-us (.ci/run installs them).";
    }
}

public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (!SharedCorpus.Available) Skip = "Needs the speech corpus at ../shared/corpus beside the repository (present in CI).";
        else if (!TestAssets.PocketSphinxAvailable) Skip = "Needs Debian packages libpocketsphinx3 and pocketsphinx-en-us (.ci/run installs them).";
    }
}

/// <summary>A corpus test that also makes its input with sox (AMR: Debian's ffmpeg has no AMR encoder).</summary>
public sealed class CorpusSoxTheoryAttribute : TheoryAttribute
{
    public CorpusSoxTheoryAttribute()
    {
        if (!SharedCorpus.Available) Skip = "Needs the speech corpus at ../shared/corpus beside the repository (present in CI).";
        else if (!Tools.FfmpegAvailable || !Tools.SoxAvailable || !File.Exists(AmrFormat) || !TestAssets.PocketSphinxAvailable)
            Skip = "Needs Debian packages ffmpeg, sox, libsox-fmt-base (its AMR-NB encoder), libpocketsphinx3 and pocketsphinx-en-us (scripts/setup.sh test installs them).";
    }

    private const string AmrFormat = "/usr/lib/x86_64-linux-gnu/sox/libsox_fmt_amr_nb.so";
}

/// <summary>A corpus test that makes its input with VisualOn's AMR-WB encoder (<see cref="AmrWbEncoder"/>).</summary>
public sealed class CorpusAmrWbFactAttribute : FactAttribute
{
    public CorpusAmrWbFactAttribute()
    {
        if (!SharedCorpus.Available) Skip = "Needs the speech corpus at ../shared/corpus beside the repository (present in CI).";
        else if (!Tools.FfmpegAvailable || !AmrWbEncoder.Available || !TestAssets.PocketSphinxAvailable)
            Skip = "Needs Debian packages ffmpeg, libvo-amrwbenc0 (its AMR-WB encoder), libpocketsphinx3 and pocketsphinx-en-us (scripts/setup.sh test installs them).";
    }
}
