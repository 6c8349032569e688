using TranscribeBlazor.IO;
using System.Buffers.Binary;
using System.Text;
using TranscribeBlazor.Audio.Containers;

namespace TranscribeBlazor.Audio.Wav;

/// <summary>
/// Reads a RIFF/WAVE file front to back from a non-seekable stream (an upload in flight), so that
/// samples can flow to the recogniser before the file has fully arrived.
/// </summary>
/// <remarks>
/// Layout (all little-endian):
/// <code>
///   "RIFF" u32 riffSize "WAVE"
///   then chunks, in any order, each: char[4] id, u32 size, size bytes, one pad byte if size is odd
///     "fmt "  u16 formatTag, u16 channels, u32 sampleRate, u32 byteRate, u16 blockAlign, u16 bitsPerSample
///             [u16 cbSize, u16 validBits, u32 channelMask, GUID subFormat]  (WAVE_FORMAT_EXTENSIBLE)
///     "data"  the interleaved frames; size 0 or 0xFFFFFFFF means "until the end of the stream"
///     others ("LIST", "fact", "cue ", "JUNK", ...) are skipped
/// </code>
/// Everything before <c>data</c> is read eagerly; <c>fmt </c> must come before <c>data</c>, as any
/// streaming reader requires.
/// </remarks>
public sealed class WavStreamReader
{
    public const int MinSampleRate = 8_000;
    public const int MaxSampleRate = 96_000;
    public const int MaxChannels = 8;
    private const int RiffHeaderSize = 12;
    private const int ChunkHeaderSize = 8;
    private const int MinFmtSize = 16;
    private const int ExtensibleFmtSize = 40;
    private const int MaxFmtSize = 1024;
    // Metadata chunks before the audio are skipped, but not without bound: a header that claims
    // gigabytes of metadata is a broken file, not a slow one.
    private const long MaxSkippedBytes = 16 * 1024 * 1024;
    private const uint OpenEndedSize = 0xFFFFFFFF;

    private readonly Stream _stream;
    private readonly byte[] _carry = new byte[MaxChannels * 8];
    private int _carryCount;
    private long _remaining;

    private WavStreamReader(Stream stream, WavFormat format)
    {
        _stream = stream;
        Format = format;
        _remaining = format.DataBytes ?? long.MaxValue;
    }

    public WavFormat Format { get; }

    /// <summary>Bytes of sample data delivered so far.</summary>
    public long DataBytesRead { get; private set; }

    /// <summary>True when the stream ended before the length the header declared.</summary>
    public bool EndedEarly { get; private set; }

    public static async Task<WavStreamReader> OpenAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var riff = new byte[RiffHeaderSize];
        int got = await stream.ReadAtLeastAsync(riff, RiffHeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (ContainerSniffer.Identify(riff.AsSpan(0, got)) != ContainerKind.Wav)
            throw ContainerSniffer.Refuse(riff.AsSpan(0, got));

        WavFormat? format = null;
        long skipped = 0;
        var header = new byte[ChunkHeaderSize];
        while (true)
        {
            await ReadHeaderBytesAsync(stream, header, "a chunk header", cancellationToken).ConfigureAwait(false);
            string id = Encoding.ASCII.GetString(header, 0, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));

            if (id == "fmt ")
            {
                if (size < MinFmtSize || size > MaxFmtSize)
                    throw new AudioFormatException(AudioError.MalformedHeader, $"The WAV header is damaged: its format chunk is {size} bytes long (expected 16 to {MaxFmtSize}).");
                var fmt = new byte[size + (size & 1)];
                await ReadHeaderBytesAsync(stream, fmt, "the format chunk", cancellationToken).ConfigureAwait(false);
                format = ParseFmt(fmt.AsSpan(0, (int)size));
            }
            else if (id == "data")
            {
                if (format is null)
                    throw new AudioFormatException(AudioError.MalformedHeader, "The WAV header is damaged: the audio data comes before the format chunk that describes it.");
                long? dataBytes = size is 0 or OpenEndedSize ? null : size;
                return new WavStreamReader(stream, format with { DataBytes = dataBytes });
            }
            else
            {
                if (!IsPrintableChunkId(header.AsSpan(0, 4)))
                    throw new AudioFormatException(AudioError.MalformedHeader, "The WAV header is damaged: a chunk has an unreadable name, so the audio data cannot be found.");
                long toSkip = size + (size & 1);
                skipped += toSkip;
                if (skipped > MaxSkippedBytes)
                    throw new AudioFormatException(AudioError.MalformedHeader, $"The WAV header is damaged: it declares more than {MaxSkippedBytes / (1024 * 1024)} MB of metadata before the audio.");
                await SkipAsync(stream, toSkip, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Reads whole frames of interleaved samples into <paramref name="buffer"/> (as bytes).
    /// Returns 0 at the end of the data.
    /// </summary>
    public async ValueTask<int> ReadFramesAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int blockAlign = Format.BlockAlign;
        if (buffer.Length < blockAlign * 2)
            throw new ArgumentException("Buffer must hold at least two frames.", nameof(buffer));

        while (_remaining > 0)
        {
            _carry.AsSpan(0, _carryCount).CopyTo(buffer.Span);
            int want = (int)Math.Min(buffer.Length - _carryCount, _remaining);
            int read = await _stream.ReadAsync(buffer.Slice(_carryCount, want), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                EndedEarly = Format.DataBytes is not null;
                _remaining = 0;
                break;
            }
            _remaining -= read;
            int total = _carryCount + read;
            int whole = total / blockAlign * blockAlign;
            _carryCount = total - whole;
            buffer.Span.Slice(whole, _carryCount).CopyTo(_carry);
            if (whole > 0)
            {
                DataBytesRead += whole;
                return whole;
            }
        }
        return 0;
    }

    private static WavFormat ParseFmt(ReadOnlySpan<byte> fmt)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag == WavCodecNames.Extensible && fmt.Length >= ExtensibleFmtSize)
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]); // first two bytes of the SubFormat GUID

        if (WavSampleEncodings.From(tag, bits) is not { } encoding)
        {
            string what = tag is WavCodecNames.Pcm or WavCodecNames.IeeeFloat or WavCodecNames.ALaw or WavCodecNames.MuLaw
                ? $"{bits}-bit {WavCodecNames.Describe(tag)}"
                : WavCodecNames.Describe(tag);
            throw new AudioFormatException(tag == WavCodecNames.Pcm ? AudioError.UnsupportedBitDepth : AudioError.UnsupportedCodec,
                $"This WAV file holds {what} audio, which cannot be read. Supported: PCM (8, 16, 24 or 32-bit), IEEE float (32 or 64-bit), A-law and µ-law.");
        }
        if (channels == 0)
            throw new AudioFormatException(AudioError.UnsupportedChannels, "The WAV header says the file has zero channels, so there is no audio to read.");
        if (channels > MaxChannels)
            throw new AudioFormatException(AudioError.UnsupportedChannels, $"The WAV file has {channels} channels; at most {MaxChannels} are supported.");
        if (sampleRate < MinSampleRate || sampleRate > MaxSampleRate)
            throw new AudioFormatException(AudioError.UnsupportedSampleRate,
                $"The WAV file's sample rate is {sampleRate} Hz; supported rates are {MinSampleRate / 1000}–{MaxSampleRate / 1000} kHz.");
        if (blockAlign != channels * (bits / 8))
            throw new AudioFormatException(AudioError.MalformedHeader,
                $"The WAV header is damaged: its block size is {blockAlign} bytes, but {Counted.Of(channels, "channel")} of {bits}-bit samples need {channels * (bits / 8)}.");

        return new WavFormat(channels, (int)sampleRate, bits, encoding, DataBytes: null);
    }

    private static async Task ReadHeaderBytesAsync(Stream stream, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        int got = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (got < buffer.Length)
            throw new AudioFormatException(AudioError.TruncatedHeader,
                $"The WAV file is cut short: it ends inside {what}, before any audio data.");
    }

    private static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        var scratch = new byte[(int)Math.Min(count, 64 * 1024)];
        while (count > 0)
        {
            int read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(count, scratch.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                throw new AudioFormatException(AudioError.TruncatedHeader, "The WAV file is cut short: it ends inside a metadata chunk, before any audio data.");
            count -= read;
        }
    }

    private static bool IsPrintableChunkId(ReadOnlySpan<byte> id)
    {
        foreach (byte b in id)
            if (b < 0x20 || b > 0x7E) return false;
        return true;
    }
}
