namespace TranscribeBlazor.Sessions;

/// <summary>Lifecycle of one transcription; rendered as the panel's <c>data-state</c>.</summary>
public enum SessionStatus
{
    Idle,
    Running,
    Done,
    Cancelled,
    Error,
}
