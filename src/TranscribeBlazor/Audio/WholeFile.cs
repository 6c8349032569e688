using Microsoft.Win32.SafeHandles;

namespace TranscribeBlazor.Audio;

/// <summary>
/// The input as a whole file that ffmpeg can open and seek by itself, once all of it is there. Needed for an
/// MP4 that keeps its index after its samples (ffmpeg's default, most phone and desktop recorders): read
/// through a pipe, ffmpeg meets the samples before the index that says what they are and cannot go back.
/// </summary>
/// <param name="WhenCompleteAsync">Waits until the whole file has arrived and gives its handle; the handle stays the caller's.</param>
public sealed record WholeFile(Func<CancellationToken, Task<SafeFileHandle>> WhenCompleteAsync)
{
    /// <summary>A file opened from disk is whole already; a pipe (standard input, a FIFO) is not a file.</summary>
    public static WholeFile? Of(Stream stream) =>
        stream is FileStream { CanSeek: true } file ? new WholeFile(_ => Task.FromResult(file.SafeFileHandle)) : null;
}
