using TranscribeBlazor.IO;

namespace TranscribeBlazor.Admission;

/// <summary>Why <see cref="AdmissionControl"/> turned a run away: the server's cap (<paramref name="ServerFull"/>) or the client's; how many it holds and the cap.</summary>
public sealed record AdmissionRefusal(bool ServerFull, int Running, int Limit)
{
    /// <summary>In the page's words (its files stay queued).</summary>
    public string Message => ServerFull
        ? $"The server is busy: {Counted.Of(Running, "transcription")} running or waiting. Try again in a minute; your files stay queued."
        : $"You already have {Counted.Of(Running, "transcription")} running in other tabs or windows (at most {Limit}). Try again when one ends; your files stay queued.";
}
