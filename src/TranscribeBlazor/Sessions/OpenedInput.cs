using TranscribeBlazor.Pipeline;

namespace TranscribeBlazor.Sessions;

/// <summary>An input opened for its run: the pipeline that transcribes it, and what the run reports about it.</summary>
internal abstract class OpenedInput(TranscriptionPipeline pipeline) : IAsyncDisposable
{
    public TranscriptionPipeline Pipeline { get; } = pipeline;

    /// <summary>What the panel says while the engine works.</summary>
    public abstract string WorkingMessage { get; }

    /// <summary>Bytes of an upload that have arrived; 0 for audio that is not uploaded.</summary>
    public virtual long BytesReceived => 0;

    /// <summary>A recording's state for its controls; null for files.</summary>
    public virtual LiveStatus? Live => null;

    /// <summary>Raised from a background thread when <see cref="Live"/> changes (a recording's audio arrived or ended).</summary>
    public event Action? LiveChanged;

    protected void OnLiveChanged() => LiveChanged?.Invoke();

    /// <summary>Gives back the engine's decoder, ffmpeg and the spool before the next run starts.</summary>
    public abstract ValueTask DisposeAsync();
}
