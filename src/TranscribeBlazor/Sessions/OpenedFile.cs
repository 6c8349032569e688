using TranscribeBlazor.Pipeline;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>A file being transcribed from its private spool while the browser still uploads it.</summary>
internal sealed class OpenedFile(TranscriptionPipeline pipeline, UploadSpool spool, Stream reader) : OpenedInput(pipeline)
{
    public override string WorkingMessage => SessionMessages.Transcribing;

    public override long BytesReceived => spool.BytesReceived;

    public override async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync().ConfigureAwait(false);
        await reader.DisposeAsync().ConfigureAwait(false);
        await spool.DisposeAsync().ConfigureAwait(false);
    }
}
