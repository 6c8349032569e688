using System.Diagnostics;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Debian's sox and ffmpeg, used to make test files the way real tools write them.</summary>
public static class Tools
{
    public static bool SoxAvailable => File.Exists("/usr/bin/sox");

    public static bool FfmpegAvailable => File.Exists("/usr/bin/ffmpeg");

    /// <summary>Runs sox on <paramref name="input"/> with output options; returns the output file's bytes.</summary>
    public static byte[] Sox(byte[] input, string inputType, params string[] outputArgs) =>
        Run("sox", input, inputType, args => { args.Add("-t"); args.Add(inputType); args.Add("-"); args.AddRange(outputArgs); });

    /// <summary>
    /// Runs ffmpeg on <paramref name="input"/> with output options (which must name the format with -f)
    /// into a seekable temporary file, as recorders write, and returns its bytes.
    /// </summary>
    public static byte[] Ffmpeg(byte[] input, params string[] outputArgs)
    {
        string path = Path.Combine(Path.GetTempPath(), "ffmpeg-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("ffmpeg", input, null, args => { args.AddRange(["-hide_banner", "-loglevel", "error", "-i", "pipe:0"]); args.AddRange(outputArgs); args.Add(path); });
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Run(string tool, byte[] input, string? _, Action<List<string>> build)
    {
        var args = new List<string>();
        build(args);
        var start = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var feed = Task.Run(() => { process.StandardInput.BaseStream.Write(input); process.StandardInput.Close(); });
        using var output = new MemoryStream();
        var read = process.StandardOutput.BaseStream.CopyToAsync(output);
        string errors = process.StandardError.ReadToEnd();
        read.Wait();
        process.WaitForExit();
        try { feed.Wait(); } catch (AggregateException) { }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {errors}");
        return output.ToArray();
    }
}

public sealed class SoxFactAttribute : FactAttribute
{
    public SoxFactAttribute()
    {
        if (!Tools.SoxAvailable) Skip = "Needs Debian package sox (.ci/run installs it).";
    }
}

public sealed class SoxTheoryAttribute : TheoryAttribute
{
    public SoxTheoryAttribute()
    {
        if (!Tools.SoxAvailable) Skip = "Needs Debian package sox (.ci/run installs it).";
    }
}

public sealed class FfmpegTheoryAttribute : TheoryAttribute
{
    public FfmpegTheoryAttribute()
    {
        if (!Tools.FfmpegAvailable) Skip = "Needs Debian package ffmpeg (.ci/run installs it).";
        else if (!TestAssets.PocketSphinxAvailable || !TestAssets.LibriVoxAvailable)
            Skip = "Needs Debian packages libpocketsphinx3, pocketsphinx-en-us and pocketsphinx-testdata (.ci/run installs them).";
    }
}

public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        if (!Tools.FfmpegAvailable) Skip = "Needs Debian package ffmpeg (.ci/run installs it).";
    }
}
