using TranscribeBlazor.Audio;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Ffmpeg;

[CollectionDefinition(nameof(DescriptorCountCollection), DisableParallelization = true)]
public sealed class DescriptorCountCollection;

/// <summary>
/// Every ffmpeg run gives back its three pipes when it is disposed, without waiting for a garbage collection.
/// Alone in its collection: pipes opened by tests running beside it would blur the count.
/// </summary>
[Collection(nameof(DescriptorCountCollection))]
[Trait(Category.Name, Category.Engine)]
public sealed class FfmpegDescriptorTests
{
    private const int Runs = 20;

    [FfmpegFact]
    public async Task DisposedRuns_LeaveNoPipeOpen_WithoutACollection()
    {
        var flac = Tools.Ffmpeg(WavBuilder.Pcm16(Signals.Tone(440, 16_000, 1), 16_000, 1), "-f", "flac");
        await DecodeAsync(flac); // what is made once (thread pool, process plumbing) exists before the baseline
        int before = OpenPipes();

        for (int i = 0; i < Runs; i++)
            await DecodeAsync(flac);

        // Two pipes a run were left to the finalizer before: 40 here. A pipe of the runtime's own may come and go.
        Assert.InRange(OpenPipes() - before, int.MinValue, 2);
    }

    private static async Task DecodeAsync(byte[] file)
    {
        await using var reader = await EngineAudioReader.OpenAsync(new MemoryStream(file), 16_000, AudioInputOptions.Default);
        int samples = 0;
        await foreach (var chunk in reader.ReadChunksAsync())
            samples += chunk.Length;
        Assert.InRange(samples, 15_000, 17_000);
    }

    private static int OpenPipes() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd =>
        {
            try { return fd.LinkTarget?.StartsWith("pipe:", StringComparison.Ordinal) == true; }
            catch (IOException) { return false; } // closed while we looked
        });
}
