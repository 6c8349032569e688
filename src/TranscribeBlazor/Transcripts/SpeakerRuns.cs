namespace TranscribeBlazor.Transcripts;

public static class SpeakerRuns
{
    /// <summary>Consecutive items grouped by speaker.</summary>
    public static IReadOnlyList<SpeakerRun> Of(TranscriptResult result)
    {
        var runs = new List<SpeakerRun>();
        List<TranscriptItem>? current = null;
        string? speaker = null;
        foreach (var item in result.Items)
        {
            // Punctuation carries no speaker of its own: it stays with the words before it.
            if (current is null || (item.Type == TranscriptItemType.Pronunciation && item.Speaker != speaker))
            {
                current = [];
                speaker = item.Speaker;
                runs.Add(new SpeakerRun(speaker, current));
            }
            current.Add(item);
        }
        return runs;
    }
}
