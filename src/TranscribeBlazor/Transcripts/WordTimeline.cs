namespace TranscribeBlazor.Transcripts;

/// <summary>
/// The spoken words of a transcript in time order, for the player: which word is playing at a given
/// moment (binary search).
/// </summary>
public sealed class WordTimeline
{
    private readonly double[] _starts;
    private readonly double[] _ends;

    public WordTimeline(IEnumerable<TranscriptResult> finals)
    {
        var words = finals.Where(r => !r.IsPartial)
            .SelectMany(r => r.Items.Where(i => i.Type == TranscriptItemType.Pronunciation))
            .ToList(); // reading order, as the panel numbers words; finals arrive in time order
        _starts = words.Select(w => w.StartTime).ToArray();
        _ends = words.Select(w => w.EndTime).ToArray();
    }

    /// <summary>
    /// The word being spoken at <paramref name="seconds"/>: the last word that has started, while it
    /// lasts or until the next begins (pauses keep the previous word lit briefly); -1 before the first
    /// word or once a pause has run past <paramref name="linger"/>.
    /// </summary>
    public int IndexAt(double seconds, double linger = 0.5)
    {
        int i = Array.BinarySearch(_starts, seconds);
        if (i < 0) i = ~i - 1; // the last start ≤ seconds
        if (i < 0) return -1;
        return seconds <= _ends[i] + linger ? i : -1;
    }
}
