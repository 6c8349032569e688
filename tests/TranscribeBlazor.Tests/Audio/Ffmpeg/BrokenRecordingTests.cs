using TranscribeBlazor.Audio;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Audio.Ffmpeg;

/// <summary>
/// Broken or unreadable variants of the formats people drop, made from a real M4A or MP4 by cutting or
/// renaming its boxes as damage and DRM do: each gets its own message, read from a file (as the command line
/// and the browser's spool read an index-last file) and from a stream (as uploads arrive).
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class BrokenRecordingTests
{
    private static readonly byte[] Speech = File.Exists(TestAssets.LibriVox()[0].Path) ? File.ReadAllBytes(TestAssets.LibriVox()[0].Path) : [];

    private static byte[] FastStartM4a() => Tools.Ffmpeg(Speech, "-c:a", "aac", "-b:a", "64k", "-movflags", "+faststart", "-f", "ipod");

    /// <summary>Renames the first box or sample entry of one type, keeping its size: what a DRM wrapper or a foreign codec looks like.</summary>
    private static byte[] Rename(byte[] file, string from, string to)
    {
        int at = file.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(from));
        Assert.True(at > 0, $"no '{from}' box");
        var copy = (byte[])file.Clone();
        System.Text.Encoding.ASCII.GetBytes(to).CopyTo(copy, at);
        return copy;
    }

    public static TheoryData<string, Func<byte[]>, AudioError, string> Variants() => new()
    {
        {
            "a video without sound",
            () => Tools.Ffmpeg(Speech, "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2", "-map", "1:v", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mp4"),
            AudioError.NoAudioTrack, AudioMessages.NoAudioTrack("an MP4/M4A")
        },
        { "an MP4 with no tracks at all", () => Rename(FastStartM4a(), "trak", "free"), AudioError.NoAudioTrack, AudioMessages.NoAudioTrack("an MP4/M4A") },
        {
            "an index-last M4A cut off before its index (a recorder that died)",
            () => { var m4a = Tools.Ffmpeg(Speech, "-c:a", "aac", "-f", "ipod"); return m4a[..(m4a.AsSpan().IndexOf("moov"u8) - 4)]; },
            AudioError.IndexMissing, AudioMessages.IndexMissing("an MP4/M4A")
        },
        { "nothing but the file-type box", () => "\0\0\0\u0018ftypM4A \0\0\u0002\0isomiso2"u8.ToArray(), AudioError.IndexMissing, AudioMessages.IndexMissing("an MP4/M4A") },
        { "iTunes FairPlay audio", () => Rename(FastStartM4a(), "mp4a", "drms"), AudioError.ProtectedAudio, AudioMessages.ProtectedAudio("an MP4/M4A", "drms") },
        { "Common Encryption audio", () => Rename(FastStartM4a(), "mp4a", "enca"), AudioError.ProtectedAudio, AudioMessages.ProtectedAudio("an MP4/M4A", "enca") },
        {
            "a codec ffmpeg has no decoder for (Dolby AC-4)",
            () => Rename(Rename(FastStartM4a(), "esds", "free"), "mp4a", "ac-4"),
            AudioError.UnsupportedCodec, AudioMessages.UnsupportedCodec("an MP4/M4A", "ac-4")
        },
    };

    [FfmpegTheory]
    [MemberData(nameof(Variants))]
    public async Task EachBrokenVariant_GetsItsOwnMessage_FromAFileAndFromAStream(string what, Func<byte[]> make, AudioError error, string message)
    {
        var file = make();
        string path = Path.Combine(Path.GetTempPath(), "broken-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllBytes(path, file);
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            var fromFile = await Assert.ThrowsAsync<AudioFormatException>(() => EngineAudioReader.OpenAsync(stream, 16_000, AudioInputOptions.Default, default, WholeFile.Of(stream)));
            Assert.True(fromFile.Error == error, $"{what}: {fromFile.Error}: {fromFile.Message}");
            Assert.Equal(message, fromFile.Message);
        }
        finally
        {
            File.Delete(path);
        }

        // Arriving as an upload does: files whose index comes first are read as they stream in.
        if (!CompressedIndexLast(file))
        {
            var fromStream = await Assert.ThrowsAsync<AudioFormatException>(() => EngineAudioReader.OpenAsync(new TrickleStream(file, 16 * 1024), 16_000, AudioInputOptions.Default));
            Assert.Equal(message, fromStream.Message);
        }
    }

    [FfmpegFact]
    public async Task AFastStartM4aCutShort_IsTranscribedAsFarAsItGoes_WithANotice()
    {
        var m4a = FastStartM4a();
        var cut = m4a[..(m4a.Length * 2 / 3)];
        await using var reader = await EngineAudioReader.OpenAsync(new TrickleStream(cut, 16 * 1024), 16_000, AudioInputOptions.Default);
        int samples = 0;
        await foreach (var chunk in reader.ReadChunksAsync()) samples += chunk.Length;
        double seconds = samples / 16_000.0;
        Assert.InRange(seconds, 3.0, 6.0); // two thirds of a 7.1 s file, give or take the index's share of the bytes
        Assert.Contains(reader.Notices, n => n.StartsWith("Parts of this MP4/M4A file are damaged", StringComparison.Ordinal) || n == AudioMessages.EndedEarly);
    }

    private static bool CompressedIndexLast(byte[] file)
    {
        int moov = file.AsSpan().IndexOf("moov"u8), mdat = file.AsSpan().IndexOf("mdat"u8);
        return mdat >= 0 && (moov < 0 || moov > mdat);
    }
}
