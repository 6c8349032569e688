namespace TranscribeBlazor.Sessions;

/// <summary>How a run ended, as far as its session's queue is concerned.</summary>
internal enum RunEndKind
{
    /// <summary>The input was transcribed to its end (or to a limit, with a notice).</summary>
    Done,

    /// <summary>The user (or a lost browser) cancelled it.</summary>
    Cancelled,

    /// <summary>Admission refused it: the server or this client has as many runs as allowed.</summary>
    Busy,

    /// <summary>The input or the engine could not go on, for a reason the user can act on.</summary>
    Refused,

    /// <summary>Something unexpected (a bug, a broken upload): logged, and the circuit carries on.</summary>
    Failed,
}
