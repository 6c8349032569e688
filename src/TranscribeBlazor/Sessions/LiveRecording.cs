using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Pipeline;

namespace TranscribeBlazor.Sessions;

/// <summary>A microphone recording: its audio arrives while it is transcribed, until the user stops it.</summary>
public sealed record LiveRecording(string Name, MicrophoneAudio Audio, string? EngineId = null, TranscriptionRequest? Request = null)
    : RunInput(Name, EngineId, Request)
{
    internal override string OpeningMessage => SessionMessages.Listening;

    internal override LiveStatus LiveAtStart => new(true, 0, 0, 0);

    internal override async Task<OpenedInput> OpenAsync(RunContext context, CancellationToken cancellationToken) =>
        new OpenedRecording(await TranscriptionPipeline.OpenAsync(Audio, context.Engine, cancellationToken, context.Request).ConfigureAwait(false), Audio);

    internal override void Release() => Audio.Complete(MicrophoneEnd.Closed); // the browser's next batch is refused, so it stops capturing
}
