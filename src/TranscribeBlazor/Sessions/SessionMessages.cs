using TranscribeBlazor.Engines;

namespace TranscribeBlazor.Sessions;

/// <summary>Messages shared by the UI and the command line, so both say the same thing.</summary>
public static class SessionMessages
{
    public const string NoSpeech = "No speech found in this recording.";

    public const string Transcribing = "Transcribing…";

    public const string Listening = "Listening: speak, and the transcript follows.";

    public const string Finishing = "Recording stopped: finishing the transcript…";

    /// <summary>Where a run waiting for a recogniser stands; <see cref="QueuePlace.Turn"/> means its turn has come.</summary>
    public static string QueuePlace(QueuePlace place)
    {
        if (place.Place <= 0) return Transcribing;
        string where = place.Place == 1 ? "you are next" : $"{place.Place - 1} ahead of you";
        if (place.Held == 0) return $"Every recogniser on the server is busy: {where}.";
        // The user's other tabs hold recognisers and others wait: say why this one waits behind them.
        string yours = place.Capacity == 1 ? "the server's only recogniser" : $"{place.Held} of the server's {place.Capacity} recognisers";
        if (place.AtCap && place.Capacity > 1)
            return $"Waiting: you already have {yours}, as many as one person may use at once so that others can start; this file begins when one of yours ends.";
        return place.OthersAhead > 0
            ? $"Waiting: you already have {yours}; others are waiting for one."
            : $"Waiting: you already have {yours}; {where}.";
    }
}
