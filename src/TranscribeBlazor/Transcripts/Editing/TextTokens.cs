namespace TranscribeBlazor.Transcripts.Editing;

/// <summary>Typed text as transcript items: words, and the punctuation that follows them (".", ",", "?" ...).</summary>
public static class TextTokens
{
    private static readonly char[] Marks = ['.', ',', '!', '?', ';', ':'];

    /// <summary>One entry per word or mark, in order; a mark typed before any word is dropped (it has nothing to follow).</summary>
    public static IReadOnlyList<(string Content, TranscriptItemType Type)> Of(string text)
    {
        var tokens = new List<(string, TranscriptItemType)>();
        foreach (string raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string word = raw.TrimEnd(Marks);
            string trailing = raw[word.Length..];
            word = word.TrimStart(Marks);
            if (word.Length > 0) tokens.Add((word, TranscriptItemType.Pronunciation));
            if (tokens.Count == 0) continue;
            foreach (char mark in trailing) tokens.Add((mark.ToString(), TranscriptItemType.Punctuation));
        }
        return tokens;
    }
}
