using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Export;

/// <summary>
/// Splits final results into subtitle cues the way broadcasters do: at most two lines of 42
/// characters, at most 6 seconds, breaking between words (at a speaker change too), with each cue's
/// time taken from its words.
/// </summary>
public static class CaptionCues
{
    public const int MaxLineLength = 42;
    public const int MaxLines = 2;
    public const double MaxSeconds = 6;

    /// <param name="nameSpeakersInText">Start each speaker turn with "Speaker N:" as text (counted in the line length), for formats without speaker markup.</param>
    public static IReadOnlyList<CaptionCue> From(IEnumerable<TranscriptResult> finals, bool nameSpeakersInText = false)
    {
        var cues = new List<CaptionCue>();
        string? previousSpeaker = null;
        foreach (var result in finals.Where(r => !r.IsPartial))
        {
            var cue = new List<(string Text, double Start, double End)>();
            string? speaker = null;
            foreach (var word in Words(result))
            {
                bool turn = word.Speaker is not null && word.Speaker != (cue.Count > 0 ? speaker : previousSpeaker);
                var candidate = cue.Select(w => w.Text).Append(word.Text);
                bool full = cue.Count > 0 && (Lines(candidate).Count > MaxLines || word.End - cue[0].Start > MaxSeconds || word.Speaker != speaker);
                if (full)
                {
                    cues.Add(Cue(cue, speaker));
                    cue.Clear();
                }
                speaker = word.Speaker;
                if (nameSpeakersInText && turn)
                    cue.Add((SpeakerNames.Display(word.Speaker!) + ":", word.Start, word.Start));
                cue.Add((word.Text, word.Start, word.End));
            }
            if (cue.Count > 0)
            {
                cues.Add(Cue(cue, speaker));
                previousSpeaker = speaker;
            }
        }
        return cues;
    }

    /// <summary>
    /// The fewest lines that hold the words (a word longer than a line gets a line of its own); two
    /// lines are balanced, broken where their lengths come closest (the upper one shorter on a tie),
    /// so no line is left with a single dangling word.
    /// </summary>
    public static IReadOnlyList<string> Lines(IEnumerable<string> words)
    {
        var all = words as IReadOnlyList<string> ?? words.ToList();
        var greedy = Greedy(all);
        if (greedy.Count != 2) return greedy;
        (string Top, string Bottom) best = (greedy[0], greedy[1]);
        for (int split = 1; split < all.Count; split++)
        {
            string top = string.Join(' ', all.Take(split)), bottom = string.Join(' ', all.Skip(split));
            if (top.Length > MaxLineLength || bottom.Length > MaxLineLength) continue;
            int balance = Math.Abs(top.Length - bottom.Length), bestBalance = Math.Abs(best.Top.Length - best.Bottom.Length);
            if (balance < bestBalance || (balance == bestBalance && top.Length < best.Top.Length))
                best = (top, bottom);
        }
        return [best.Top, best.Bottom];
    }

    private static List<string> Greedy(IEnumerable<string> words)
    {
        var lines = new List<string>();
        string line = "";
        foreach (var word in words)
        {
            if (line.Length == 0) line = word;
            else if (line.Length + 1 + word.Length <= MaxLineLength) line += " " + word;
            else
            {
                lines.Add(line);
                line = word;
            }
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }

    private static CaptionCue Cue(List<(string Text, double Start, double End)> words, string? speaker) =>
        new(words[0].Start, Math.Max(words[^1].End, words[0].Start + 0.001), Lines(words.Select(w => w.Text)), speaker);

    // Punctuation joins the word before it; a result without word timings spreads its text over its span.
    private static List<(string Text, double Start, double End, string? Speaker)> Words(TranscriptResult result)
    {
        var words = new List<(string Text, double Start, double End, string? Speaker)>();
        foreach (var item in result.Items)
        {
            if (item.Type == TranscriptItemType.Punctuation && words.Count > 0)
                words[^1] = (words[^1].Text + item.Content, words[^1].Start, words[^1].End, words[^1].Speaker);
            else
                words.Add((item.Content, item.StartTime, item.EndTime, item.Speaker));
        }
        if (words.Count == 0 && result.Transcript.Length > 0)
        {
            var text = result.Transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            double step = (result.EndTime - result.StartTime) / text.Length;
            for (int i = 0; i < text.Length; i++)
                words.Add((text[i], result.StartTime + i * step, result.StartTime + (i + 1) * step, null));
        }
        return words;
    }
}
