namespace TranscribeBlazor.Tests.Support;

/// <summary>Word error rate: (substitutions + deletions + insertions) / reference words, by Levenshtein alignment.</summary>
public static class WordErrorRate
{
    public static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    public static int Errors(string reference, string hypothesis)
    {
        var r = Words(reference);
        var h = Words(hypothesis);
        var previous = Enumerable.Range(0, h.Length + 1).ToArray();
        var current = new int[h.Length + 1];
        for (int i = 1; i <= r.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= h.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[h.Length];
    }
}
