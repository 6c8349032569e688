using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TranscribeBlazor.Audio.Containers;

namespace TranscribeBlazor.Audio.Ffmpeg;

/// <summary>
/// Compressed audio and video files (FLAC, Ogg, MP3, M4A, MP4/MOV, WebM/MKV, AMR, AIFF, CAF, WMA, AAC) decoded
/// by Debian's ffmpeg in a child process: the upload goes in through its stdin (or, for an MP4 whose index
/// comes last, ffmpeg reads the whole file itself), mono 16-bit PCM of the first audio track at the engine's
/// rate comes out of its stdout, no temporary files. Its stderr tells us what it found. Cancelling kills it.
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

    private readonly FfmpegInput _input;
    private readonly ContainerName _name;
    private Match? _firstAudio;
    private bool _hasVideo;
    private volatile bool _windowsMediaDrm;

    private FfmpegPcmSource(Process process, FfmpegInput input, ContainerName name, int targetRate, CancellationToken cancellationToken)
    {
        _process = process;
        _input = input;
        _name = name;
        _container = name.Plain;
        _aContainer = name.WithArticle;
        _targetRate = targetRate;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stderr = Task.Run(() => ReadStderrAsync(_stop.Token), CancellationToken.None);
        _feeding = Task.Run(() => FeedAsync(input.Feed, _stop.Token), CancellationToken.None);
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

    /// <param name="input">What ffmpeg reads; the source disposes it.</param>
    /// <param name="name">What the file is called in the format line and in messages.</param>
    public static async Task<FfmpegPcmSource> StartAsync(FfmpegInput input, ContainerKind kind, ContainerName name, int targetRate, string ffmpegPath, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -map 0:a:0: the first audio track (a video's sound, not its pictures); -nostdin: a file read by name
        // leaves stdin unused, and ffmpeg would otherwise take it for key presses.
        var inputArgs = input.Feed is null ? new[] { "-nostdin", "-i", input.Url } : ["-i", input.Url];
        // AMR frames the decoder skips (DTX silence) would pull every later word earlier; resampling to the
        // frames' timestamps puts their 20 ms back as silence (9.46 s instead of 9.66 s for a 9.66 s clip).
        string[] amrSilence = kind == ContainerKind.Amr ? ["-af", "aresample=async=1"] : [];
        foreach (var arg in new[] { "-hide_banner", "-nostats", "-loglevel", "info" }.Concat(inputArgs).Concat(["-map", "0:a:0", "-vn", "-ac", "1", "-ar", targetRate.ToString(CultureInfo.InvariantCulture)]).Concat(amrSilence).Concat(["-f", "s16le", "pipe:1"]))
            start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            input.Dispose();
            throw new AudioFormatException(AudioError.DecoderMissing,
                $"This is {name.WithArticle} file. Decoding it needs ffmpeg, which is not installed on this server (apt-get install ffmpeg).");
        }

        var source = new FfmpegPcmSource(process, input, name, targetRate, cancellationToken);
        try
        {
            // ffmpeg lists the file's tracks and which one it maps before it writes any sample; a file it cannot
            // read ends it instead.
            var exited = process.WaitForExitAsync(cancellationToken);
            await Task.WhenAny(source._formatFound.Task, exited).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!source._formatFound.Task.IsCompleted)
            {
                // A short file fits the stdout pipe (64 KB, 2 s of 16 kHz audio), so ffmpeg may decode it whole and
                // exit before its track listing is read: only once all of stderr is read does no format mean a refusal.
                await source._stderr.ConfigureAwait(false);
                if (!source._formatFound.Task.IsCompleted)
                    throw source.Refusal();
            }
            source.Format = await source._formatFound.Task.ConfigureAwait(false);
            if (source.TrackRefusal() is { } refused)
                throw refused;
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
        lock (_lastLines)
        {
            bool skippedSilence = _lastLines.Any(l => l.Contains("dtx mode is not implemented", StringComparison.Ordinal));
            damaged = _lastLines.Any(l => IsErrorLine(l) && !(skippedSilence && DtxFrameLines.Any(d => l.Contains(d, StringComparison.Ordinal))));
        }
        if (damaged && samples == 0)
            throw new AudioFormatException(AudioError.UndecodableAudio, $"This looks like {_aContainer} file, but no audio could be decoded from it: {Explain()}");
        if (damaged)
            Warning = $"Parts of this {_container} file are damaged ({Explain().TrimEnd('.')}); the transcript may have gaps.";
        if (_process.ExitCode != 0)
            throw new AudioFormatException(AudioError.UndecodableAudio,
                $"The {_container} file could not be decoded to the end: {Explain()} The transcript covers the audio before that point.");
    }

    private async Task FeedAsync(Stream? input, CancellationToken cancellationToken)
    {
        var stdin = _process.StandardInput.BaseStream;
        try
        {
            if (input is not null)
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
                if (_formatFound.Task.IsCompleted)
                    continue;
                // ASF's content-encryption objects: ffmpeg reads on and decodes the encrypted packets into noise.
                if (line.Contains("DRM protected stream detected", StringComparison.Ordinal))
                    _windowsMediaDrm = true;
                if (_firstAudio is null && AudioStreamLine().Match(line) is { Success: true } a)
                    _firstAudio = a;
                else if (VideoStreamLine().IsMatch(line) && !line.Contains("(attached pic)", StringComparison.Ordinal))
                    _hasVideo = true; // a cover picture does not make a song a video
                else if (line.StartsWith("Stream mapping:", StringComparison.Ordinal) && _firstAudio is { } audio)
                {
                    // Every track is listed by now, so a video's sound is named as a video's.
                    _formatFound.TrySetResult(new AudioFormatInfo(_hasVideo ? _name.AsVideo : _container, audio.Groups["codec"].Value,
                        Channels(audio.Groups["layout"].Value), int.Parse(audio.Groups["rate"].Value, CultureInfo.InvariantCulture), duration));
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Why ffmpeg ended before it found audio to decode, in the user's words.</summary>
    private AudioFormatException Refusal()
    {
        bool Said(string words)
        {
            lock (_lastLines) return _lastLines.Any(l => l.Contains(words, StringComparison.Ordinal));
        }
        if (Said("matches no streams") || (Said("Input #0") && _firstAudio is null))
            return new AudioFormatException(AudioError.NoAudioTrack, AudioMessages.NoAudioTrack(_aContainer));
        if (Said("moov atom not found"))
            return new AudioFormatException(AudioError.IndexMissing, AudioMessages.IndexMissing(_aContainer));
        return TrackRefusal() ?? new AudioFormatException(AudioError.UndecodableAudio, $"This looks like {_aContainer} file, but it could not be decoded: {Explain()}");
    }

    // FairPlay ('drms' audio, 'drmi' video) and Common Encryption ('enca'): ffmpeg would read the boxes and decode noise.
    private static readonly string[] ProtectedTags = ["drms", "drmi", "enca", "encv"];

    /// <summary>The first audio track (or a Windows Media file's whole content) is one nobody but its licensed player can decode, or one ffmpeg has no decoder for.</summary>
    private AudioFormatException? TrackRefusal()
    {
        if (_windowsMediaDrm)
            return new AudioFormatException(AudioError.ProtectedAudio, AudioMessages.ProtectedWindowsMedia(_aContainer));
        if (_firstAudio is not { } audio) return null;
        string tag = CodecTag().Match(audio.Value) is { Success: true } t ? t.Groups["tag"].Value : audio.Groups["codec"].Value;
        if (ProtectedTags.Contains(tag))
            return new AudioFormatException(AudioError.ProtectedAudio, AudioMessages.ProtectedAudio(_aContainer, tag));
        if (audio.Groups["codec"].Value == "none")
            return new AudioFormatException(AudioError.UnsupportedCodec, AudioMessages.UnsupportedCodec(_aContainer, tag));
        return null;
    }

    /// <summary>ffmpeg's own words for what went wrong, without its "[demuxer @ 0x...]" prefixes.</summary>
    private string Explain()
    {
        string[] lines;
        lock (_lastLines) lines = [.. _lastLines];
        var errors = lines
            .Where(l => !l.StartsWith(' ') && !l.StartsWith("Input #") && !l.StartsWith("Output #") && !l.StartsWith("Stream mapping"))
            .Select(l => ContextPrefix().Replace(l, "").Replace(_input.Url + ": ", "").Trim())
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
    private static readonly string[] HarmlessLines = ["invalid concatenated file detected", "supports dtx", "dtx mode is not implemented"];

    // AMR's silence frames (DTX: comfort noise and "no data", which phones send between words): ffmpeg 5.1's
    // decoder has no DTX and refuses each one in these words. A 9.7 s clip from sox has 10 of them; nothing
    // spoken is lost, and the gap they leave is filled with silence (-af aresample=async=1 below).
    private static readonly string[] DtxFrameLines = ["Not yet implemented in FFmpeg", "Corrupt bitstream", "Invalid data found when processing input"];

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
        _input.Dispose();
    }

    [GeneratedRegex(@"^\s*Duration: (\d\d:\d\d:\d\d\.\d\d)")]
    private static partial Regex DurationLine();

    // "Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 16000 Hz, mono, fltp": the tag is the container's name for the codec.
    [GeneratedRegex(@"^\s*Stream #0:\d+\S*: Audio: (?<codec>[\w-]+)[^,]*, (?<rate>\d+) Hz, (?<layout>[^,]+)")]
    private static partial Regex AudioStreamLine();

    [GeneratedRegex(@"^\s*Stream #0:\d+\S*: Video: ")]
    private static partial Regex VideoStreamLine();

    [GeneratedRegex(@"\((?<tag>[^ /()]+) / 0x[0-9A-Fa-f]+\)")]
    private static partial Regex CodecTag();

    [GeneratedRegex(@"^\[[^\]]*@ 0x[0-9a-f]+\]\s*")]
    private static partial Regex ContextPrefix();
}
