using Microsoft.Win32.SafeHandles;

namespace TranscribeBlazor.Audio.Ffmpeg;

/// <summary>What ffmpeg reads: a stream we feed through its stdin, or a whole file it opens and seeks itself.</summary>
internal sealed class FfmpegInput : IDisposable
{
    private readonly SafeFileHandle? _file;
    private bool _referenced;

    private FfmpegInput(Stream? feed, string url, SafeFileHandle? file)
    {
        Feed = feed;
        Url = url;
        _file = file;
        file?.DangerousAddRef(ref _referenced); // the descriptor number must not be closed and reused while ffmpeg opens it
    }

    /// <summary>Bytes to copy into ffmpeg's stdin; null when ffmpeg reads a file.</summary>
    public Stream? Feed { get; }

    /// <summary>ffmpeg's <c>-i</c> argument.</summary>
    public string Url { get; }

    public static FfmpegInput Of(Stream feed) => new(feed, "pipe:0", null);

    /// <summary>
    /// Through <c>/proc/our-pid/fd/N</c>: the upload spool is unlinked and has no name, but the kernel lets a
    /// process of the same user open it again through our descriptor, with a read position of its own. The
    /// same path works for a named file, so the command line and the browser take one way.
    /// </summary>
    public static FfmpegInput Of(SafeFileHandle file) =>
        new(null, $"/proc/{Environment.ProcessId}/fd/{file.DangerousGetHandle()}", file);

    public void Dispose()
    {
        if (_referenced)
        {
            _referenced = false;
            _file!.DangerousRelease();
        }
    }
}
