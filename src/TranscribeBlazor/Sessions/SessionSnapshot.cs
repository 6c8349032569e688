using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Sessions;

/// <summary>Everything the UI shows about a session, captured at one instant.</summary>
public sealed record SessionSnapshot(
    SessionStatus Status,
    TranscriptState Transcript,
    string? FileName,
    string? EngineName,
    AudioFormatInfo? Format,
    double SecondsProcessed,
    TimeSpan Elapsed,
    string? Message,
    string? RunId = null)
{
    /// <summary>Files dropped after this one, in the order they will run.</summary>
    public IReadOnlyList<WaitingFile> Waiting { get; init; } = [];

    /// <summary>The queue waits for the user (the server was busy); <see cref="Waiting"/> is kept.</summary>
    public bool QueuePaused { get; init; }

    /// <summary>Bytes of the file received from the browser so far.</summary>
    public long BytesReceived { get; init; }

    /// <summary>The file's size as the browser reported it, when known.</summary>
    public long? BytesTotal { get; init; }

    /// <summary>
    /// The file the transcript on screen came from, when it is not <see cref="FileName"/>: a file refused before
    /// any result names the header, and the previous transcript stays below it. Null otherwise.
    /// </summary>
    public string? TranscriptOf { get; init; }

    /// <summary>The name the transcript on screen belongs to (what an export is named after).</summary>
    public string? TranscriptName => TranscriptOf ?? FileName;

    /// <summary>The recogniser's own finals when the transcript on screen is a person's correction of them; null otherwise.</summary>
    public IReadOnlyList<TranscriptResult>? OriginalFinals { get; init; }

    /// <summary>The run is a live recording: its level, length and backlog. Null for files.</summary>
    public LiveStatus? Live { get; init; }

    /// <summary>How loud the run's audio is, as far as it has been read (updated with progress); null when there is no audio (history).</summary>
    public LoudnessEnvelope? Loudness { get; init; }

    public static SessionSnapshot Idle { get; } = new(SessionStatus.Idle, TranscriptState.Empty, null, null, null, 0, TimeSpan.Zero, null);

    /// <summary>A finished run worth keeping: it ended (done or cancelled) with something transcribed.</summary>
    public bool IsKeepable => Status is SessionStatus.Done or SessionStatus.Cancelled && Transcript.Finals.Count > 0 && RunId is not null;

    public bool IsRunning => Status == SessionStatus.Running;

    /// <summary>Audio seconds per wall-clock second; null until there is enough to say.</summary>
    public double? SpeedFactor => Elapsed.TotalSeconds > 0.2 && SecondsProcessed > 0 ? SecondsProcessed / Elapsed.TotalSeconds : null;
}
