using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace TranscribeBlazor.Audio.Microphone;

/// <summary>
/// A live recording's audio on its way from the browser to the engine. The browser converts the
/// microphone to 16 kHz mono 16-bit itself and sends batches of about 100 ms; they wait here in a
/// bounded buffer. When the engine falls behind the buffer fills and <see cref="WriteAsync"/> waits,
/// which holds the browser's next batch back: the backlog then grows in the browser, which reports it
/// and stops recording past its own limit, so neither side's memory grows unbounded.
/// </summary>
public sealed class MicrophoneAudio : IEngineAudio
{
    public const int Rate = 16_000;

    /// <summary>The most one batch may hold: a second (the browser sends at most half of one).</summary>
    public const int MaxBatchSamples = Rate;

    private const int LevelSamples = Rate / 10;

    private readonly Channel<byte[]> _batches;
    private readonly MicrophoneLimits _limits;
    private readonly short[] _chunk = new short[MaxBatchSamples];
    private long _received;
    private long _read;
    private double _browserBacklog;
    private double _level;
    private int _end = -1;

    public MicrophoneAudio(MicrophoneLimits limits)
    {
        _limits = limits;
        // Batches are ~100 ms while the engine keeps up, so this holds about BufferSeconds of audio.
        // Not SingleWriter: a client could call concurrently, whatever our script does.
        int capacity = Math.Max(1, (int)Math.Ceiling(limits.BufferSeconds * 10));
        _batches = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity) { SingleReader = true });
    }

    /// <summary>Raised (on the writer's thread) after each batch is taken, the browser's backlog changes, and when the recording ends.</summary>
    public event Action? Received;

    public AudioFormatInfo Format { get; } = new("Microphone", "16-bit PCM", 1, Rate, null);

    public int SampleRate => Rate;

    public double SecondsRead => Interlocked.Read(ref _read) / (double)Rate;

    public double SecondsReceived => Interlocked.Read(ref _received) / (double)Rate;

    /// <summary>Length of the recording so far: what arrived here and what the browser still holds back.</summary>
    public double SecondsCaptured => SecondsReceived + Volatile.Read(ref _browserBacklog);

    /// <summary>Audio captured but not yet decoded: waiting here, and (as last reported) in the browser.</summary>
    public double BacklogSeconds => Math.Max(0, SecondsReceived - SecondsRead) + Volatile.Read(ref _browserBacklog);

    /// <summary>Loudness of the latest batch, 0–1 (<see cref="AudioLevel"/>).</summary>
    public double Level => Volatile.Read(ref _level);

    /// <summary>Why the recording stopped taking audio; null while it still does.</summary>
    public MicrophoneEnd? End => Volatile.Read(ref _end) is var end and >= 0 ? (MicrophoneEnd)end : null;

    public IReadOnlyList<string> Notices =>
        End is { } end && MicrophoneMessages.Ended(end, SecondsReceived, _limits.MaxDuration, _limits.MaxBacklogSeconds) is { } notice ? [notice] : [];

    /// <summary>
    /// Takes one batch of little-endian 16-bit samples. Waits while the buffer is full: that wait is the
    /// back-pressure the browser sees. False once the recording has ended (the browser then stops capturing);
    /// a batch that is not 16-bit audio of a sane size ends the recording.
    /// </summary>
    public async ValueTask<bool> WriteAsync(byte[] pcm, double browserBacklogSeconds, CancellationToken cancellationToken = default)
    {
        if (End is not null) return false;
        if (pcm.Length == 0 || pcm.Length % 2 != 0 || pcm.Length > MaxBatchSamples * 2)
        {
            Complete(MicrophoneEnd.BadAudio);
            return false;
        }
        int samples = pcm.Length / 2;
        long room = (long)(_limits.MaxDuration.TotalSeconds * Rate) - Interlocked.Read(ref _received);
        bool last = samples >= room;
        if (room <= 0)
        {
            Complete(MicrophoneEnd.DurationLimit);
            return false;
        }
        if (last)
        {
            pcm = pcm[..(int)(room * 2)];
            samples = (int)room;
        }
        var tail = MemoryMarshal.Cast<byte, short>(pcm.AsSpan());
        if (!BitConverter.IsLittleEndian)
            BinaryPrimitives.ReverseEndianness(tail, tail);
        Volatile.Write(ref _level, AudioLevel.Of(tail[Math.Max(0, tail.Length - LevelSamples)..]));
        SetBrowserBacklog(browserBacklogSeconds);
        try
        {
            await _batches.Writer.WriteAsync(pcm, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return false;
        }
        Interlocked.Add(ref _received, samples);
        if (last)
            Complete(MicrophoneEnd.DurationLimit);
        else
            Received?.Invoke();
        return !last;
    }

    /// <summary>The browser's word on how much it holds back while a batch waits here for room.</summary>
    public void ReportBrowserBacklog(double seconds)
    {
        if (End is not null) return;
        SetBrowserBacklog(seconds);
        Received?.Invoke();
    }

    private void SetBrowserBacklog(double seconds) =>
        Volatile.Write(ref _browserBacklog, double.IsFinite(seconds) ? Math.Clamp(seconds, 0, 24 * 3600) : 0);

    /// <summary>No more audio: what is buffered is still transcribed. The first reason given is the one kept.</summary>
    public void Complete(MicrophoneEnd end)
    {
        if (Interlocked.CompareExchange(ref _end, (int)end, -1) != -1) return;
        Volatile.Write(ref _browserBacklog, 0);
        _batches.Writer.TryComplete();
        Received?.Invoke();
    }

    public async IAsyncEnumerable<ReadOnlyMemory<short>> ReadChunksAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _batches.Reader;
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (await WaitForAudioAsync(reader, stall, cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var pcm))
            {
                var samples = MemoryMarshal.Cast<byte, short>(pcm);
                samples.CopyTo(_chunk);
                Interlocked.Add(ref _read, samples.Length);
                yield return _chunk.AsMemory(0, samples.Length);
            }
        }
    }

    // False at the end of the recording, including when the browser has sent nothing for the stall timeout.
    private async ValueTask<bool> WaitForAudioAsync(ChannelReader<byte[]> reader, CancellationTokenSource stall, CancellationToken cancellationToken)
    {
        stall.CancelAfter(_limits.StallTimeout);
        try
        {
            return await reader.WaitToReadAsync(stall.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Complete(MicrophoneEnd.Stalled);
            return reader.TryPeek(out _); // a batch that raced the timeout is still transcribed
        }
        finally
        {
            stall.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }

    public ValueTask DisposeAsync()
    {
        Complete(MicrophoneEnd.Closed);
        return ValueTask.CompletedTask;
    }
}
