using System.Diagnostics;

namespace TranscribeBlazor.Bench;

/// <summary>
/// Debian's <c>pocketsphinx_continuous -infile</c> on the same samples and model: the engine's own speed.
/// Its model loading is timed on a tenth of a second of audio and taken off, as the product's decoder is warm.
/// </summary>
public static class BareEngine
{
    public const string Program = "/usr/bin/pocketsphinx_continuous";

    public static bool Available => File.Exists(Program);

    public sealed record Result(TimeSpan Wall, string Text);

    public static Result Run(string wavPath, string modelDirectory)
    {
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-infile", wavPath, "-hmm", Path.Combine(modelDirectory, "en-us"), "-lm", Path.Combine(modelDirectory, "en-us.lm.bin"),
                     "-dict", Path.Combine(modelDirectory, "cmudict-en-us.dict"), "-logfn", "/dev/null" })
            start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pocketsphinx_continuous failed: {stderr.Result}");
        return new Result(clock.Elapsed, string.Join(' ', stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
    }
}
