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

    /// <summary>
    /// A WMA whose header carries a Content Encryption Object (GUID 2211B3FB-BD23-11D2-B4B7-00A0C955FC6E), as
    /// Windows Media DRM writes it: protection type "DRM", a key ID and a licence URL. Its packets stay clear,
    /// so only the header can tell, as with a real protected file.
    /// </summary>
    private static byte[] WindowsMediaWithDrm()
    {
        var wma = Tools.Ffmpeg(Speech, "-c:a", "wmav2", "-f", "asf");
        static byte[] Field(string text) => [.. BitConverter.GetBytes(text.Length + 1), .. System.Text.Encoding.ASCII.GetBytes(text), 0];
        byte[] body = [.. BitConverter.GetBytes(4), 1, 2, 3, 4, .. Field("DRM"), .. Field("KEYID00"), .. Field("http://example.com/licence")];
        byte[] encryption = [.. new Guid("2211B3FB-BD23-11D2-B4B7-00A0C955FC6E").ToByteArray(), .. BitConverter.GetBytes((ulong)(24 + body.Length)), .. body];
        // The header object: GUID, its size (8 bytes), how many objects it holds (4), two reserved bytes; then those objects.
        byte[] result = [.. wma[..30], .. encryption, .. wma[30..]];
        BitConverter.GetBytes(BitConverter.ToUInt64(wma, 16) + (ulong)encryption.Length).CopyTo(result, 16);
        BitConverter.GetBytes(BitConverter.ToUInt32(wma, 24) + 1).CopyTo(result, 24);
        return result;
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
        { "Windows Media DRM", WindowsMediaWithDrm, AudioError.ProtectedAudio, AudioMessages.ProtectedWindowsMedia("a WMA/ASF") },
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
