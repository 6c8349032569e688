using System.Runtime.CompilerServices;
using TranscribeBlazor.Audio.Containers;
using TranscribeBlazor.Audio.Ffmpeg;
using TranscribeBlazor.Audio.Wav;
using TranscribeBlazor.IO;

namespace TranscribeBlazor.Audio;

/// <summary>
/// Turns an upload, as it arrives, into mono 16-bit chunks at the engine's rate. The format is
/// judged from the file's first bytes: WAV is decoded here, compressed formats by ffmpeg. Limits on
/// size and duration are enforced while streaming; reaching one ends the audio with a notice.
/// </summary>
public sealed class EngineAudioReader : IEngineAudio
{
    // Enough of an MP4's top-level boxes (ftyp, free, ...) to see whether the index or the samples come first.
    private const int SniffLength = 4096;

    private readonly IPcmSource _source;
    private readonly ByteLimitStream _input;
    private readonly AudioInputOptions _options;
    private readonly int _targetRate;
    private long _samples;

    private EngineAudioReader(IPcmSource source, ByteLimitStream input, AudioInputOptions options, int targetRate)
    {
        _source = source;
        _input = input;
        _options = options;
        _targetRate = targetRate;
    }

    public AudioFormatInfo Format => _source.Format;

    public int SampleRate => _targetRate;

    /// <summary>Seconds of audio delivered so far.</summary>
    public double SecondsRead => (double)Interlocked.Read(ref _samples) / _targetRate;

    /// <summary>Why the audio ended short of the file's end, if it did: limits, truncation. Empty otherwise.</summary>
    public IReadOnlyList<string> Notices
    {
        get
        {
            var notices = new List<string>();
            if (_input.LimitReached)
                notices.Add($"The file is larger than the {ByteSize.Format(_options.MaxUploadBytes)} limit; the transcript covers its first {ByteSize.Format(_options.MaxUploadBytes)}.");
            else if (_source.EndedEarly)
                notices.Add(AudioMessages.EndedEarly);
            if (_source.Warning is { } warning)
                notices.Add(warning);
            if (DurationLimitReached)
                notices.Add($"The recording is longer than the {FormatDuration(_options.MaxDuration)} limit; the transcript covers its first {FormatDuration(_options.MaxDuration)}.");
            return notices;
        }
    }

    private bool DurationLimitReached { get; set; }

    /// <param name="wholeFile">The same input as a file ffmpeg can seek, for an MP4 whose index comes last; null when there is none (a pipe).</param>
    public static async Task<EngineAudioReader> OpenAsync(Stream input, int targetRate, AudioInputOptions options, CancellationToken cancellationToken = default, WholeFile? wholeFile = null)
    {
        var limited = new ByteLimitStream(input, options.MaxUploadBytes);
        var head = new byte[SniffLength];
        int got = await limited.ReadAtLeastAsync(head, SniffLength, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        var kind = ContainerSniffer.Identify(head.AsSpan(0, got));
        var name = ContainerSniffer.Name(kind, head.AsSpan(0, got));
        if (IndexAtEnd(kind, head.AsSpan(0, got)))
        {
            if (wholeFile is null)
                throw new AudioFormatException(AudioError.UnsupportedContainer, AudioMessages.IndexAtEndOfPipe(name.WithArticle));
            var file = await wholeFile.WhenCompleteAsync(cancellationToken).ConfigureAwait(false);
            if (RandomAccess.GetLength(file) > options.MaxUploadBytes)
                throw new AudioFormatException(AudioError.UnsupportedContainer, AudioMessages.WholeFileTooLarge(name.WithArticle, ByteSize.Format(options.MaxUploadBytes)));
            var seeking = await FfmpegPcmSource.StartAsync(FfmpegInput.Of(file), kind, name, targetRate, options.FfmpegPath, cancellationToken).ConfigureAwait(false);
            return new EngineAudioReader(seeking, limited, options, targetRate);
        }

        var replay = new PrefixedStream(head[..got], limited);
        IPcmSource source = kind switch
        {
            ContainerKind.Wav => new WavPcmSource(await WavStreamReader.OpenAsync(replay, cancellationToken).ConfigureAwait(false), targetRate),
            ContainerKind.Unknown => throw ContainerSniffer.Refuse(head.AsSpan(0, Math.Min(got, ContainerSniffer.HeadLength))),
            _ => await FfmpegPcmSource.StartAsync(FfmpegInput.Of(replay), kind, name, targetRate, options.FfmpegPath, cancellationToken).ConfigureAwait(false),
        };
        return new EngineAudioReader(source, limited, options, targetRate);
    }

    /// <summary>The file's index comes after its audio, so ffmpeg must read the whole file, seeking, rather than a pipe.</summary>
    private static bool IndexAtEnd(ContainerKind kind, ReadOnlySpan<byte> head) => kind switch
    {
        ContainerKind.Mp4 => Mp4Layout.IndexAtEnd(head),
        ContainerKind.Caf => CafLayout.PacketTableAtEnd(head),
        _ => false,
    };

    /// <summary>Chunks of about 100 ms; each chunk's memory is valid until the next one is requested.</summary>
    public async IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long maxSamples = (long)(_options.MaxDuration.TotalSeconds * _targetRate);
        await foreach (var chunk in _source.ReadChunksAsync(cancellationToken).ConfigureAwait(false))
        {
            long before = Interlocked.Read(ref _samples);
            if (before + chunk.Length > maxSamples)
            {
                DurationLimitReached = true;
                int allowed = (int)(maxSamples - before);
                if (allowed > 0)
                {
                    Interlocked.Add(ref _samples, allowed);
                    yield return chunk[..allowed];
                }
                yield break;
            }
            Interlocked.Add(ref _samples, chunk.Length);
            yield return chunk;
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private static string FormatDuration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{t.TotalHours:0.#} h" : t.TotalMinutes >= 1 ? $"{t.TotalMinutes:0.#} min" : $"{t.TotalSeconds:0.#} s";
}
