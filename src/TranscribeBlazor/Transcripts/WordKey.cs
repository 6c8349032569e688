namespace TranscribeBlazor.Transcripts;

/// <summary>
/// How a word compares with another, by what is said: lowercased, with only letters, digits, apostrophes
/// and hyphens kept ("Hello," and “hello” are the same word; "don't" and "well-known" stay whole). Finding
/// a phrase and telling which words a correction left unchanged both compare this way.
/// </summary>
public static class WordKey
{
    public static string Of(string word)
    {
        Span<char> kept = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        int length = 0;
        foreach (char c in word)
            if (char.IsLetterOrDigit(c) || c is '\'' or '-') kept[length++] = char.ToLowerInvariant(c);
        return new string(kept[..length]);
    }
}
