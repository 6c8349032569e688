using TranscribeBlazor.History;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts.Editing;

namespace TranscribeBlazor.Components.Transcript;

/// <summary>
/// One circuit's corrections to the transcript on screen: each edit goes through a
/// <see cref="TranscriptEditor"/> (its undo history lasts while that transcript stays on screen), then to
/// the session (so exports and the player use it) and to the transcript's history entry.
/// </summary>
public sealed class TranscriptCorrections(TranscriptionSession session, HistoryState history)
{
    private TranscriptEditor? _editor;

    /// <summary>Why the transcript on screen cannot be edited now, or null when it can.</summary>
    public static string? NotEditable(SessionSnapshot shown) =>
        shown.IsRunning ? "Lines can be corrected once the run has ended." : shown.Transcript.Finals.Count == 0 ? "" : null;

    public bool CanUndo => Current()?.CanUndo == true;

    public bool CanRedo => Current()?.CanRedo == true;

    public Task<bool> EditTextAsync(int line, string text) => ApplyAsync(e => e.EditText(line, text));

    public Task<bool> MergeAsync(int line) => ApplyAsync(e => e.Merge(line));

    public Task<bool> SplitAsync(int line, int word) => ApplyAsync(e => e.Split(line, word));

    public Task<bool> RenameSpeakerAsync(string speaker, string name) => ApplyAsync(e => e.RenameSpeaker(speaker, name));

    public Task<bool> UndoAsync() => ApplyAsync(e => e.Undo());

    public Task<bool> RedoAsync() => ApplyAsync(e => e.Redo());

    /// <summary>The editor of the transcript on screen: a new one whenever another transcript came on screen (a run, history).</summary>
    private TranscriptEditor? Current()
    {
        var shown = session.Current;
        if (NotEditable(shown) is not null) return null;
        if (_editor is null || !ReferenceEquals(_editor.Finals, shown.Transcript.Finals))
            _editor = new TranscriptEditor(shown.Transcript.Finals, shown.OriginalFinals);
        return _editor;
    }

    private async Task<bool> ApplyAsync(Func<TranscriptEditor, bool> edit)
    {
        if (Current() is not { } editor || !edit(editor)) return false;
        if (!session.Correct(editor.Finals, editor.Original)) return false;
        await history.SaveCorrectionAsync(session.Current);
        return true;
    }
}
