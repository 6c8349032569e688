using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TranscribeBlazor.Audio.Containers;

namespace TranscribeBlazor.Audio.Ffmpeg;

/// <summary>
/// Compressed audio (FLAC, Ogg, MP3, M4A, WebM) decoded by Debian's ffmpeg in a child process: the
/// upload goes in through its stdin, mono 16-bit PCM at the engine's rate comes out of its stdout, no
/// temporary files. Its stderr tells us what it found. Cancelling kills it.
/// </summary>
internal sealed partial class FfmpegPcmSource : IPcmSource
{
    private const int ChunkMilliseconds = 100;
    private const int MaxStderrLines = 40;

    private readonly Process _process;
    private readonly Task _feeding;
    private readonly Task _stderr;
    private readonly string _container;
    private readonly string _aContainer;
    private readonly int _targetRate;
    private readonly Queue<string> _lastLines = new();
    private readonly CancellationTokenSource _stop;

    private FfmpegPcmSource(Process process, Stream input, string container, string aContainer, int targetRate, CancellationToken cancellationToken)
    {
        _process = process;
        _container = container;
        _aContainer = aContainer;
        _targetRate = targetRate;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stderr = Task.Run(() => ReadStderrAsync(_stop.Token), CancellationToken.None);
        _feeding = Task.Run(() => FeedAsync(input, _stop.Token), CancellationToken.None);
    }

    public AudioFormatInfo Format { get; private set; } = null!;

    /// <summary>ffmpeg decodes what there is of a truncated file and says so only in warnings.</summary>
    public bool EndedEarly => false;

    public string? Warning { get; private set; }

    private readonly TaskCompletionSource<AudioFormatInfo> _formatFound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Where <paramref name="ffmpegPath"/> resolves (a path, or a name looked up on PATH as process start would); null if nowhere.</summary>
    public static string? Locate(string ffmpegPath)
    {
        if (ffmpegPath.Contains('/'))
            return File.Exists(ffmpegPath) ? Path.GetFullPath(ffmpegPath) : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, ffmpegPath))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<FfmpegPcmSource> StartAsync(Stream input, ContainerKind kind, int targetRate, string ffmpegPath, CancellationToken cancellationToken)
    {
        string container = ContainerSniffer.Describe(kind);
        string aContainer = ContainerSniffer.WithArticle(kind);
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-hide_banner", "-nostats", "-loglevel", "info", "-i", "pipe:0", "-map", "0:a:0", "-vn", "-ac", "1", "-ar", targetRate.ToString(CultureInfo.InvariantCulture), "-f", "s16le", "pipe:1" })
            start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            throw new AudioFormatException(AudioError.DecoderMissing,
                $"This is {aContainer} file. Decoding it needs ffmpeg, which is not installed on this server (apt-get install ffmpeg).");
        }

        var source = new FfmpegPcmSource(process, input, container, aContainer, targetRate, cancellationToken);
        try
        {
            // ffmpeg names the audio stream before it writes any sample; a file it cannot read ends it instead.
            var exited = process.WaitForExitAsync(cancellationToken);
            await Task.WhenAny(source._formatFound.Task, exited).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!source._formatFound.Task.IsCompleted)
            {
                await source._stderr.ConfigureAwait(false);
                throw new AudioFormatException(AudioError.UndecodableAudio,
                    $"This looks like {aContainer} file, but it could not be decoded: {source.Explain()}");
            }
            source.Format = await source._formatFound.Task.ConfigureAwait(false);
            return source;
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stdout = _process.StandardOutput.BaseStream;
        var bytes = new byte[_targetRate * ChunkMilliseconds / 1000 * 2];
        var pcm = new short[bytes.Length / 2];
        long samples = 0;
        int carry = 0;
        int read;
        while ((read = await stdout.ReadAsync(bytes.AsMemory(carry), cancellationToken).ConfigureAwait(false)) > 0)
        {
            int total = carry + read;
            int whole = total & ~1;
            if (whole > 0)
            {
                // s16le is the machine's own order on every platform this app runs on.
                MemoryMarshal.Cast<byte, short>(bytes.AsSpan(0, whole)).CopyTo(pcm);
                samples += whole / 2;
                yield return pcm.AsMemory(0, whole / 2);
            }
            carry = total - whole;
            if (carry > 0) bytes[0] = bytes[whole];
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        await _stderr.ConfigureAwait(false);
        bool damaged;
        lock (_lastLines) damaged = _lastLines.Any(IsErrorLine);
        if (damaged && samples == 0)
            throw new AudioFormatException(AudioError.UndecodableAudio, $"This looks like {_aContainer} file, but no audio could be decoded from it: {Explain()}");
        if (damaged)
            Warning = $"Parts of this {_container} file are damaged ({Explain().TrimEnd('.')}); the transcript may have gaps.";
        if (_process.ExitCode != 0)
            throw new AudioFormatException(AudioError.UndecodableAudio,
                $"The {_container} file could not be decoded to the end: {Explain()} The transcript covers the audio before that point.");
    }

    private async Task FeedAsync(Stream input, CancellationToken cancellationToken)
    {
        var stdin = _process.StandardInput.BaseStream;
        try
        {
            await input.CopyToAsync(stdin, 64 * 1024, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // ffmpeg stopped reading (it gave up on the file or has all it needs): its exit code tells.
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            try { stdin.Close(); } catch (IOException) { }
        }
    }

    private async Task ReadStderrAsync(CancellationToken cancellationToken)
    {
        TimeSpan? duration = null;
        try
        {
            string? line;
            while ((line = await _process.StandardError.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
            {
                if (line.Length > 300) line = line[..300];
                lock (_lastLines)
                {
                    _lastLines.Enqueue(line);
                    if (_lastLines.Count > MaxStderrLines) _lastLines.Dequeue();
                }
                if (DurationLine().Match(line) is { Success: true } d)
                    duration = TimeSpan.ParseExact(d.Groups[1].Value, @"hh\:mm\:ss\.ff", CultureInfo.InvariantCulture);
                if (!_formatFound.Task.IsCompleted && AudioStreamLine().Match(line) is { Success: true } a)
                {
                    _formatFound.TrySetResult(new AudioFormatInfo(_container, a.Groups["codec"].Value,
                        Channels(a.Groups["layout"].Value), int.Parse(a.Groups["rate"].Value, CultureInfo.InvariantCulture), duration));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>ffmpeg's own words for what went wrong, without its "[demuxer @ 0x...]" prefixes.</summary>
    private string Explain()
    {
        string[] lines;
        lock (_lastLines) lines = [.. _lastLines];
        var errors = lines
            .Where(l => !l.StartsWith(' ') && !l.StartsWith("Input #") && !l.StartsWith("Output #") && !l.StartsWith("Stream mapping"))
            .Select(l => ContextPrefix().Replace(l, "").Replace("pipe:0: ", "").Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("video:") && !l.StartsWith("size="))
            .Distinct()
            .TakeLast(2)
            .ToList();
        string text = errors.Count > 0 ? string.Join("; ", errors) : "the decoder gave no reason";
        return text.EndsWith('.') ? text : text + ".";
    }

    // ffmpeg resynchronises after damage and reports it only in passing, in words like these.
    private static readonly string[] DamageWords = ["invalid", "error", "corrupt", "partial file", "non monoton", "damaged", "truncat"];

    // Said of sound MP3s read from a pipe: their Xing header's byte count cannot be checked against the file's size.
    private static readonly string[] HarmlessLines = ["invalid concatenated file detected"];

    private static bool IsErrorLine(string line) =>
        !line.StartsWith(' ') && DamageWords.Any(w => line.Contains(w, StringComparison.OrdinalIgnoreCase))
        && !HarmlessLines.Any(h => line.Contains(h, StringComparison.Ordinal));

    private static int Channels(string layout) => layout.Trim() switch
    {
        "mono" => 1,
        "stereo" or "downmix" => 2,
        "2.1" or "3.0" => 3,
        "quad" or "4.0" => 4,
        "5.0" or "5.0(side)" => 5,
        "5.1" or "5.1(side)" or "6.0" => 6,
        "6.1" or "7.0" => 7,
        "7.1" or "7.1(wide)" => 8,
        var other when other.EndsWith(" channels") && int.TryParse(other.Split(' ')[0], out int n) => n,
        _ => 0,
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        await Task.WhenAll(_feeding, _stderr).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        // Process.Dispose leaves redirected streams that were read directly to the finalizer: two pipe
        // descriptors per run would stay open until a garbage collection.
        _process.StandardInput.BaseStream.Dispose(); // the stream, not its writer: the writer would flush into a pipe already closed
        _process.StandardOutput.BaseStream.Dispose();
        _process.StandardError.BaseStream.Dispose();
        _process.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex(@"^\s*Duration: (\d\d:\d\d:\d\d\.\d\d)")]
    private static partial Regex DurationLine();

    [GeneratedRegex(@"^\s*Stream #0:\d+\S*: Audio: (?<codec>[\w-]+)[^,]*, (?<rate>\d+) Hz, (?<layout>[^,]+)")]
    private static partial Regex AudioStreamLine();

    [GeneratedRegex(@"^\[[^\]]*@ 0x[0-9a-f]+\]\s*")]
    private static partial Regex ContextPrefix();
}
