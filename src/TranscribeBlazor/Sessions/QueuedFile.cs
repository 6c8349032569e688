using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Pipeline;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>A dropped file waiting its turn in a session. <see cref="Open"/> is called on a background thread.</summary>
public sealed record QueuedFile(string Name, long? Size, Func<CancellationToken, Stream> Open, string? EngineId = null, TranscriptionRequest? Request = null)
    : RunInput(Name, EngineId, Request)
{
    internal override string OpeningMessage => "Reading the file…";

    /// <summary>
    /// Spools the upload as it arrives and decodes from the spool, so a slow engine never stalls the browser. An
    /// MP4 with its index at the end is decoded from the spool's file once the upload is complete.
    /// </summary>
    internal override async Task<OpenedInput> OpenAsync(RunContext context, CancellationToken cancellationToken)
    {
        // Refused here, before a byte is read, when the size the browser gave cannot fit (client, server, disk).
        var allowance = context.Spool.Open(context.Request.Client ?? "", context.Uploads.SpoolPath, Size);
        UploadSpool spool;
        try
        {
            spool = UploadSpool.Start(Open(cancellationToken), cancellationToken, context.Uploads.SpoolPath, context.Uploads.StallTimeout, allowance);
        }
        catch
        {
            allowance.Dispose();
            throw;
        }
        context.OnSpooling(spool);
        var wholeFile = new WholeFile(ct =>
        {
            context.OnOpeningMessage(AudioMessages.ReadOnceArrived);
            return spool.WhenCompleteAsync(ct);
        });
        Stream? reader = null;
        try
        {
            reader = spool.OpenReader();
            var pipeline = await TranscriptionPipeline.OpenAsync(reader, context.Engine, context.Audio, cancellationToken, context.Request, wholeFile).ConfigureAwait(false);
            return new OpenedFile(pipeline, spool, reader);
        }
        catch
        {
            if (reader is not null) await reader.DisposeAsync().ConfigureAwait(false);
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
