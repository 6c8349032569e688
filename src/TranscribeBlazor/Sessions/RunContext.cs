using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>What an input needs to open its audio for one run: the engine, the user's request, and the server's limits.</summary>
internal sealed record RunContext(ITranscriptionEngine Engine, TranscriptionRequest Request, UploadOptions Uploads, AudioInputOptions Audio);
