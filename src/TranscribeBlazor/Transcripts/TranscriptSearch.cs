namespace TranscribeBlazor.Transcripts;

/// <summary>
/// Finds a phrase in a transcript: consecutive words, case and punctuation aside, each typed word the
/// start of a spoken one on the last ("wat" finds "watts") and whole words before it. Positions count
/// words in reading order over the finals, as the panel and the player do.
/// </summary>
public static class TranscriptSearch
{
    public sealed record Match(int FirstWord, int Words, int Line, double StartTime);

    public static IReadOnlyList<Match> Find(IReadOnlyList<TranscriptResult> finals, string query)
    {
        string[] wanted = Words(query);
        if (wanted.Length == 0) return [];
        var words = new List<(string Text, int Line, double Start)>();
        for (int line = 0; line < finals.Count; line++)
            foreach (var item in finals[line].Items)
                if (item.Type == TranscriptItemType.Pronunciation)
                    words.Add((WordKey.Of(item.Content), line, item.StartTime));

        var matches = new List<Match>();
        for (int i = 0; i + wanted.Length <= words.Count; i++)
        {
            bool all = true;
            for (int k = 0; k < wanted.Length && all; k++)
                all = k == wanted.Length - 1 ? words[i + k].Text.StartsWith(wanted[k], StringComparison.Ordinal) : words[i + k].Text == wanted[k];
            if (all) matches.Add(new Match(i, wanted.Length, words[i].Line, words[i].Start));
        }
        return matches;
    }

    /// <summary>The lowercased words of a text, marks aside: what both sides of a search compare.</summary>
    public static string[] Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(WordKey.Of).Where(w => w.Length > 0).ToArray();
}
