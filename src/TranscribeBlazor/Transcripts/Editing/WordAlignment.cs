namespace TranscribeBlazor.Transcripts.Editing;

/// <summary>
/// Gives retyped words their times. Words the person left alone keep the recogniser's times and
/// confidence (matched by a longest common subsequence, case and punctuation aside); a run of new words
/// shares the span of the words it replaces evenly; a word inserted where nothing was replaced takes the
/// instant between its neighbours. Edited words carry no confidence: a person vouched for them.
/// </summary>
public static class WordAlignment
{
    public static IReadOnlyList<TranscriptItem> Align(IReadOnlyList<TranscriptItem> before, string text, double segmentStart)
    {
        var old = before.Where(i => i.Type == TranscriptItemType.Pronunciation).ToList();
        var tokens = TextTokens.Of(text);
        var words = tokens.Where(t => t.Type == TranscriptItemType.Pronunciation).Select(t => t.Content).ToList();
        var pairs = CommonSubsequence(old.Select(i => WordKey.Of(i.Content)).ToList(), words.Select(WordKey.Of).ToList());

        var timed = new TranscriptItem[words.Count];
        int oi = 0, wi = 0;
        double boundary = segmentStart;
        string? speaker = old.FirstOrDefault()?.Speaker;
        foreach (var (o, w) in pairs.Append((old.Count, words.Count)))
        {
            var replaced = old.GetRange(oi, o - oi);
            int fresh = w - wi;
            if (fresh > 0)
            {
                double start = replaced.Count > 0 ? replaced[0].StartTime : boundary;
                double end = replaced.Count > 0 ? replaced[^1].EndTime : boundary;
                string? who = replaced.FirstOrDefault()?.Speaker ?? speaker;
                for (int k = 0; k < fresh; k++)
                {
                    double from = start + (end - start) * k / fresh, to = start + (end - start) * (k + 1) / fresh;
                    timed[wi + k] = new TranscriptItem(words[wi + k], Math.Round(from, 3), Math.Round(to, 3), null, true, TranscriptItemType.Pronunciation, who);
                }
            }
            if (o < old.Count)
            {
                timed[w] = old[o] with { Content = words[w] };
                boundary = old[o].EndTime;
                speaker = old[o].Speaker;
            }
            oi = o + 1;
            wi = w + 1;
        }

        // Marks follow their word, at its end.
        var items = new List<TranscriptItem>(tokens.Count);
        int next = 0;
        foreach (var (content, type) in tokens)
        {
            if (type == TranscriptItemType.Pronunciation)
                items.Add(timed[next++]);
            else
                items.Add(new TranscriptItem(content, items[^1].EndTime, items[^1].EndTime, null, true, TranscriptItemType.Punctuation));
        }
        return items;
    }

    /// <summary>Index pairs (old, new) of a longest common subsequence, in order.</summary>
    private static List<(int Old, int New)> CommonSubsequence(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var length = new int[a.Count + 1, b.Count + 1];
        for (int i = a.Count - 1; i >= 0; i--)
            for (int j = b.Count - 1; j >= 0; j--)
                length[i, j] = a[i] == b[j] ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < a.Count && j < b.Count;)
        {
            if (a[i] == b[j]) { pairs.Add((i, j)); i++; j++; }
            else if (length[i + 1, j] >= length[i, j + 1]) i++;
            else j++;
        }
        return pairs;
    }
}
