using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace TranscribeBlazor.Audio;

/// <summary>
/// Turns an uploaded WAV, as it arrives, into the mono 16-bit chunks at the engine's sample rate:
/// downmix, then the polyphase low-pass resampler.
/// </summary>
public sealed class EngineAudioReader
{
    private const int ChunkMilliseconds = 100;
    private readonly WavStreamReader _wav;
    private readonly int _targetRate;

    private EngineAudioReader(WavStreamReader wav, int targetRate)
    {
        _wav = wav;
        _targetRate = targetRate;
    }

    public WavFormat SourceFormat => _wav.Format;

    /// <summary>Seconds of source audio read so far.</summary>
    public double SecondsRead => (double)_wav.DataBytesRead / _wav.Format.BlockAlign / _wav.Format.SampleRate;

    /// <summary>True when the file ended before the length its header declared.</summary>
    public bool EndedEarly => _wav.EndedEarly;

    public static async Task<EngineAudioReader> OpenAsync(Stream input, int targetRate, CancellationToken cancellationToken = default)
    {
        var wav = await WavStreamReader.OpenAsync(input, cancellationToken).ConfigureAwait(false);
        return new EngineAudioReader(wav, targetRate);
    }

    /// <summary>
    /// Yields chunks of about 100 ms. Each chunk's memory is reused: it is valid until the next one is requested.
    /// </summary>
    public async IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var format = _wav.Format;
        int framesPerChunk = Math.Max(2, format.SampleRate * ChunkMilliseconds / 1000);
        var bytes = new byte[framesPerChunk * format.BlockAlign];
        var mono = new float[framesPerChunk];
        var resampler = format.SampleRate == _targetRate ? null : new PolyphaseResampler(format.SampleRate, _targetRate);
        var resampled = new float[resampler?.MaxOutputFor(framesPerChunk) ?? framesPerChunk];
        var pcm = new short[resampled.Length];

        int read;
        while ((read = await _wav.ReadFramesAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested(); // browser upload streams do not always observe it
            int frames = read / format.BlockAlign;
            Downmix(bytes.AsSpan(0, read), format.Channels, mono.AsSpan(0, frames));
            int produced = resampler is null
                ? Copy(mono.AsSpan(0, frames), resampled)
                : resampler.Process(mono.AsSpan(0, frames), resampled);
            if (produced == 0) continue;
            ToPcm16(resampled.AsSpan(0, produced), pcm);
            yield return pcm.AsMemory(0, produced);
        }

        if (resampler is not null)
        {
            int tail = resampler.Flush(resampled);
            if (tail > 0)
            {
                ToPcm16(resampled.AsSpan(0, tail), pcm);
                yield return pcm.AsMemory(0, tail);
            }
        }
    }

    internal static void Downmix(ReadOnlySpan<byte> interleaved, int channels, Span<float> mono)
    {
        float scale = 1f / (32768f * channels);
        for (int frame = 0, offset = 0; frame < mono.Length; frame++)
        {
            int sum = 0;
            for (int c = 0; c < channels; c++, offset += 2)
                sum += BinaryPrimitives.ReadInt16LittleEndian(interleaved[offset..]);
            mono[frame] = sum * scale;
        }
    }

    internal static void ToPcm16(ReadOnlySpan<float> samples, Span<short> pcm)
    {
        for (int i = 0; i < samples.Length; i++)
            pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
    }

    private static int Copy(ReadOnlySpan<float> source, Span<float> destination)
    {
        source.CopyTo(destination);
        return source.Length;
    }
}
