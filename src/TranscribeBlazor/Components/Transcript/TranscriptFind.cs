using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Components.Transcript;

/// <summary>
/// The find box's state: the query, its matches in the transcript on screen (searched again when the
/// transcript changes), which one is current, and how a word is marked.
/// </summary>
public sealed class TranscriptFind
{
    private IReadOnlyList<TranscriptResult>? _searched;
    private IReadOnlyList<TranscriptSearch.Match> _matches = [];
    private HashSet<int> _words = [];

    public string Query { get; private set; } = "";

    public int Count => _matches.Count;

    /// <summary>Index of the current match, or -1 before the first jump.</summary>
    public int Current { get; private set; } = -1;

    public void Search(IReadOnlyList<TranscriptResult> finals, string query)
    {
        Query = query.Trim();
        Current = -1; // a new query starts from the top
        _searched = null;
        Refresh(finals);
    }

    /// <summary>Searches again if the transcript changed since (a new final, a correction).</summary>
    public void Refresh(IReadOnlyList<TranscriptResult> finals)
    {
        if (ReferenceEquals(finals, _searched)) return;
        _searched = finals;
        _matches = Query.Length == 0 ? [] : TranscriptSearch.Find(finals, Query);
        _words = [.. _matches.SelectMany(m => Enumerable.Range(m.FirstWord, m.Words))];
        Current = Math.Min(Current, _matches.Count - 1);
    }

    /// <summary>Moves to the next (+1) or previous (-1) match, round the end; null when there is none.</summary>
    public TranscriptSearch.Match? Step(int step)
    {
        if (_matches.Count == 0) return null;
        Current = Current < 0 ? (step > 0 ? 0 : _matches.Count - 1) : ((Current + step) % _matches.Count + _matches.Count) % _matches.Count;
        return _matches[Current];
    }

    /// <summary>"3 of 12", "no match", or "12 matches" before the first jump.</summary>
    public string Describe() => _matches.Count == 0 ? "no match" : Current < 0 ? IO.Counted.Of(_matches.Count, "match", "matches") : $"{Current + 1} of {_matches.Count}";

    /// <summary>
    /// What is marked among <paramref name="words"/> words from <paramref name="firstWord"/>, as a string that
    /// changes exactly when their marks do ("" when none is): a line renders again only then.
    /// </summary>
    public string MarksIn(int firstWord, int words)
    {
        if (_words.Count == 0) return "";
        System.Text.StringBuilder? marks = null;
        for (int i = firstWord; i < firstWord + words; i++)
            if (CssFor(i) is { Length: > 0 } css) (marks ??= new()).Append(i).Append(css);
        return marks?.ToString() ?? "";
    }

    /// <summary>" find-match", " find-match find-current" or "" for the word at <paramref name="wordIndex"/>.</summary>
    public string CssFor(int wordIndex)
    {
        if (!_words.Contains(wordIndex)) return "";
        return Current >= 0 && _matches[Current] is var m && wordIndex >= m.FirstWord && wordIndex < m.FirstWord + m.Words ? " find-match find-current" : " find-match";
    }
}
