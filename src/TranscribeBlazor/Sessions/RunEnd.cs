using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// How a run ended, in the words the page shows: the one place where a run's exceptions become messages.
/// </summary>
/// <param name="Opened">The input was opened (a refusal before then leaves the previous transcript on screen).</param>
/// <param name="Notices">Why a finished transcript may not cover the whole input (limits, truncation).</param>
/// <param name="Unexpected">The exception to log, for <see cref="RunEndKind.Failed"/> only.</param>
internal sealed record RunEnd(RunEndKind Kind, string Message, bool Opened, IReadOnlyList<string> Notices, Exception? Unexpected = null)
{
    public const string CancelledMessage = "Cancelled. The transcript so far is kept.";

    public static RunEnd Done(IReadOnlyList<string> notices) => new(RunEndKind.Done, "", true, notices);

    /// <summary>Admission refused the run, for the reason it gave.</summary>
    public static RunEnd Busy(string refusal) => new(RunEndKind.Busy, refusal, false, []);

    public static RunEnd Of(Exception e, bool cancelled, bool opened) => e switch
    {
        OperationCanceledException when cancelled => new(RunEndKind.Cancelled, CancelledMessage, opened, []),
        AudioFormatException or TranscriptionEngineException or UploadStalledException or SpoolFullException => new(RunEndKind.Refused, e.Message, opened, []),
        // The upload itself failed (browser went away, stream reset) or a bug: the circuit stays alive and says so.
        _ => new(RunEndKind.Failed, $"Transcription stopped unexpectedly: {e.Message}", opened, [], e),
    };
}
