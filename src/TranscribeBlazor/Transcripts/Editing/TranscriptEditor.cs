using System.Collections.Immutable;

namespace TranscribeBlazor.Transcripts.Editing;

/// <summary>
/// A person's corrections to a finished transcript: a line's text retyped (a line break splits it), two
/// lines merged, a line split before a word, a speaker renamed; each undoable. Every state is an
/// immutable list of finals, so an export or a render holding one is never changed under it. The
/// recogniser's own transcript stays in <see cref="Original"/>.
/// </summary>
public sealed class TranscriptEditor(IReadOnlyList<TranscriptResult> finals, IReadOnlyList<TranscriptResult>? original = null)
{
    private readonly Stack<ImmutableList<TranscriptResult>> _undo = new();
    private readonly Stack<ImmutableList<TranscriptResult>> _redo = new();

    public ImmutableList<TranscriptResult> Finals { get; private set; } = finals as ImmutableList<TranscriptResult> ?? [.. finals]; // the same list: the caller can tell its own transcript by reference

    /// <summary>What the recogniser produced, before any correction (also across sessions: history keeps it).</summary>
    public IReadOnlyList<TranscriptResult> Original { get; } = original ?? finals;

    /// <summary>The transcript differs from the recogniser's.</summary>
    public bool IsCorrected => !Finals.SequenceEqual(Original);

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>Retypes line <paramref name="segment"/>; line breaks in <paramref name="text"/> split it there; an empty text removes the line.</summary>
    public bool EditText(int segment, string text)
    {
        if (segment < 0 || segment >= Finals.Count) return false;
        var line = Finals[segment];
        string[] lines = text.Replace("\r", "").Split('\n');
        var items = WordAlignment.Align(line.Items, string.Join(' ', lines), line.StartTime);
        if (items.SequenceEqual(line.Items) && lines.Length == 1) return false;

        // The alignment tokenises the whole text; each typed line takes as many of its items as it added.
        var parts = new List<TranscriptResult>();
        int taken = 0;
        for (int k = 0; k < lines.Length; k++)
        {
            int upTo = TextTokens.Of(string.Join(' ', lines[..(k + 1)])).Count;
            if (upTo > taken && Segment(line, parts.Count == 0 ? line.ResultId : NewId(line.ResultId, parts.Count + 1), items.Skip(taken).Take(upTo - taken).ToList()) is { } part)
                parts.Add(part);
            taken = upTo;
        }
        return Change(Finals.RemoveAt(segment).InsertRange(segment, parts));
    }

    /// <summary>Joins line <paramref name="segment"/> and the next into one.</summary>
    public bool Merge(int segment)
    {
        if (segment < 0 || segment + 1 >= Finals.Count) return false;
        var (first, second) = (Finals[segment], Finals[segment + 1]);
        var merged = Segment(first, first.ResultId, [.. first.Items, .. second.Items])!;
        return Change(Finals.RemoveRange(segment, 2).Insert(segment, merged));
    }

    /// <summary>Splits line <paramref name="segment"/> before its word number <paramref name="word"/> (counting words, not marks, from 0).</summary>
    public bool Split(int segment, int word)
    {
        if (segment < 0 || segment >= Finals.Count) return false;
        var line = Finals[segment];
        int at = IndexOfWord(line.Items, word);
        if (at <= 0) return false; // before the first word (or past the last) there is nothing to split
        var first = Segment(line, line.ResultId, line.Items.Take(at).ToList())!;
        var second = Segment(line, NewId(line.ResultId, 2), line.Items.Skip(at).ToList())!;
        return Change(Finals.RemoveAt(segment).InsertRange(segment, [first, second]));
    }

    /// <summary>Every word labelled <paramref name="speaker"/> is labelled <paramref name="name"/> instead.</summary>
    public bool RenameSpeaker(string speaker, string name)
    {
        name = name.Trim();
        if (name.Length == 0 || name == speaker) return false;
        var renamed = Finals.Select(r => r.Items.Any(i => i.Speaker == speaker)
            ? Segment(r, r.ResultId, r.Items.Select(i => i.Speaker == speaker ? i with { Speaker = name } : i).ToList())!
            : r).ToImmutableList();
        return Change(renamed);
    }

    public bool Undo() => Step(_undo, _redo);

    public bool Redo() => Step(_redo, _undo);

    private bool Step(Stack<ImmutableList<TranscriptResult>> from, Stack<ImmutableList<TranscriptResult>> to)
    {
        if (from.Count == 0) return false;
        to.Push(Finals);
        Finals = from.Pop();
        return true;
    }

    private bool Change(ImmutableList<TranscriptResult> next)
    {
        if (next.SequenceEqual(Finals)) return false;
        _undo.Push(Finals);
        _redo.Clear();
        Finals = next;
        return true;
    }

    private static int IndexOfWord(IReadOnlyList<TranscriptItem> items, int word)
    {
        for (int i = 0, seen = 0; i < items.Count; i++)
            if (items[i].Type == TranscriptItemType.Pronunciation && seen++ == word)
                return i;
        return -1;
    }

    /// <summary>A line of <paramref name="items"/> shaped like <paramref name="template"/>, spanning its words; null when it has none.</summary>
    private static TranscriptResult? Segment(TranscriptResult template, string id, IReadOnlyList<TranscriptItem> items)
    {
        if (!items.Any(i => i.Type == TranscriptItemType.Pronunciation)) return null;
        return template with
        {
            ResultId = id,
            StartTime = items.Min(i => i.StartTime),
            EndTime = items.Max(i => i.EndTime),
            Alternatives = [TranscriptAlternative.FromItems(items)],
        };
    }

    /// <summary>"r7~2": an id no other line has, for a part split off line r7.</summary>
    private string NewId(string id, int part)
    {
        string candidate = $"{id}~{part}";
        while (Finals.Any(r => r.ResultId == candidate)) candidate += "'";
        return candidate;
    }
}
