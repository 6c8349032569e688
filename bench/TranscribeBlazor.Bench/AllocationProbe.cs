using TranscribeBlazor.Audio;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Bench;

/// <summary>
/// Bytes allocated per additional audio chunk by each stage alone (a long file minus a short one, so
/// one-time costs cancel out), so a regression points at its stage.
/// </summary>
public static class AllocationProbe
{
    /// <summary>Reading and resampling only: the WAV reader over a stream already in memory.</summary>
    public static Task<double> ReaderAsync(byte[] shorter, byte[] longer) => PerChunkAsync(shorter, longer, spool: false);

    /// <summary>The same through the upload spool (a temp file written and read back), as the browser path goes.</summary>
    public static Task<double> SpooledReaderAsync(byte[] shorter, byte[] longer) => PerChunkAsync(shorter, longer, spool: true);

    private static async Task<double> PerChunkAsync(byte[] shorter, byte[] longer, bool spool)
    {
        await CountAsync(() => new MemoryStream(shorter), spool); // warm: JIT, pools, first-use allocations
        var (shortChunks, shortBytes) = await MeasureAsync(() => new MemoryStream(shorter), spool);
        var (longChunks, longBytes) = await MeasureAsync(() => new MemoryStream(longer), spool);
        return (longBytes - shortBytes) / (double)(longChunks - shortChunks);
    }

    private static async Task<(int Chunks, long Bytes)> MeasureAsync(Func<Stream> open, bool spool)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        int chunks = await CountAsync(open, spool);
        return (chunks, GC.GetTotalAllocatedBytes(precise: true) - before);
    }

    private static async Task<int> CountAsync(Func<Stream> open, bool spool)
    {
        await using var upload = spool ? UploadSpool.Start(open(), CancellationToken.None) : null;
        await using var source = upload?.OpenReader() ?? open();
        await using var reader = await EngineAudioReader.OpenAsync(source, 16_000, AudioInputOptions.Default);
        int chunks = 0;
        await foreach (var _ in reader.ReadChunksAsync()) chunks++;
        return chunks;
    }
}
