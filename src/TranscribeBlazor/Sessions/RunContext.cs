using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>What an input needs to open its audio for one run: the engine, the user's request (whose <c>Client</c> it is), the server's limits and its spool space.</summary>
internal sealed record RunContext(ITranscriptionEngine Engine, TranscriptionRequest Request, UploadOptions Uploads, AudioInputOptions Audio, SpoolBudget Spool);
