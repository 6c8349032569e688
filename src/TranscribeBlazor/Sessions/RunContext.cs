using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>What an input needs to open its audio for one run: the engine, the user's request (whose <c>Client</c> it is), the server's limits and its spool space.</summary>
internal sealed record RunContext(ITranscriptionEngine Engine, TranscriptionRequest Request, UploadOptions Uploads, AudioInputOptions Audio, SpoolBudget Spool)
{
    /// <summary>Tells the run an upload is being spooled, so the panel shows its bytes while the input is still opening.</summary>
    public Action<UploadSpool> OnSpooling { get; init; } = static _ => { };

    /// <summary>Replaces what the panel says while the input opens (a file that must arrive whole first).</summary>
    public Action<string> OnOpeningMessage { get; init; } = static _ => { };
}
