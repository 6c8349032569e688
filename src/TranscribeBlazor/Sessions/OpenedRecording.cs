using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Pipeline;

namespace TranscribeBlazor.Sessions;

/// <summary>A live recording being transcribed as its audio arrives.</summary>
internal sealed class OpenedRecording : OpenedInput
{
    private readonly MicrophoneAudio _audio;

    public OpenedRecording(TranscriptionPipeline pipeline, MicrophoneAudio audio) : base(pipeline)
    {
        _audio = audio;
        _audio.Received += OnLiveChanged;
    }

    public override string WorkingMessage => SessionMessages.Listening;

    public override LiveStatus Live => LiveStatus.Of(_audio);

    public override async ValueTask DisposeAsync()
    {
        _audio.Received -= OnLiveChanged;
        await Pipeline.DisposeAsync().ConfigureAwait(false); // disposes the audio too
    }
}
