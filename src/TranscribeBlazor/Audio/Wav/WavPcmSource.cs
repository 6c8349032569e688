using System.Runtime.CompilerServices;
using TranscribeBlazor.Audio.Resampling;

namespace TranscribeBlazor.Audio.Wav;

/// <summary>WAV, decoded here: every sample encoding, downmixed, then the polyphase resampler.</summary>
internal sealed class WavPcmSource(WavStreamReader wav, int targetRate) : IPcmSource
{
    private const int ChunkMilliseconds = 100;

    public AudioFormatInfo Format => wav.Format.ToInfo();

    public bool EndedEarly => wav.EndedEarly;

    public string? Warning => null;

    public async IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var format = wav.Format;
        int framesPerChunk = Math.Max(2, format.SampleRate * ChunkMilliseconds / 1000);
        var bytes = new byte[framesPerChunk * format.BlockAlign];
        var mono = new float[framesPerChunk];
        var resampler = format.SampleRate == targetRate ? null : new PolyphaseResampler(format.SampleRate, targetRate);
        var resampled = new float[resampler?.MaxOutputFor(framesPerChunk) ?? framesPerChunk];
        var pcm = new short[resampled.Length];

        int read;
        while ((read = await wav.ReadFramesAsync(bytes, cancellationToken).ConfigureAwait(false)) > 0)
        {
            cancellationToken.ThrowIfCancellationRequested(); // browser upload streams do not always observe it
            int frames = read / format.BlockAlign;
            SampleDecoder.Downmix(bytes.AsSpan(0, read), format.Encoding, format.Channels, mono.AsSpan(0, frames));
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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

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
