namespace TranscribeBlazor.Transcripts;

/// <summary>How a speaker label reads: engines count from zero ("0", "spk_0"), people from one; a name a person gave reads as given.</summary>
public static class SpeakerNames
{
    public static string Display(string speaker) =>
        int.TryParse(speaker.Replace("spk_", ""), out int n) ? $"Speaker {n + 1}" : speaker;
}
