using TranscribeBlazor.Export;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;
using TranscribeBlazor.Transcripts.Editing;

namespace TranscribeBlazor.Tests.Transcripts.Editing;

[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptEditorTests
{
    private static TranscriptItem W(string word, double start, double end, double confidence = 0.9, string? speaker = null) =>
        new(word, start, end, confidence, true, TranscriptItemType.Pronunciation, speaker);

    private static TranscriptResult R(string id, params TranscriptItem[] items) =>
        new(id, items[0].StartTime, items[^1].EndTime, false, [TranscriptAlternative.FromItems(items)]);

    /// <summary>"many watts" where the speaker said "than he was".</summary>
    private static readonly TranscriptResult Line = R("r1", W("more", 1.0, 1.3), W("many", 1.3, 1.6, 0.3), W("watts", 1.6, 2.2, 0.2), W("today", 2.3, 2.8));

    private static TranscriptEditor Editor(params TranscriptResult[] finals) => new(finals.Length > 0 ? finals : [Line, R("r2", W("yes", 3.0, 3.4))]);

    [Fact]
    public void RetypedWords_ShareTheSpanTheyReplace_AndUnchangedWordsKeepTheirTimes()
    {
        var editor = Editor();
        Assert.True(editor.EditText(0, "More than he was today."));

        var items = editor.Finals[0].Items;
        Assert.Equal(["More", "than", "he", "was", "today", "."], items.Select(i => i.Content));
        Assert.Equal((1.0, 1.3, 0.9), (items[0].StartTime, items[0].EndTime, items[0].Confidence)); // case changed only: still the recogniser's word
        Assert.Equal([(1.3, 1.6), (1.6, 1.9), (1.9, 2.2)], items.Skip(1).Take(3).Select(i => (i.StartTime, i.EndTime)));
        Assert.All(items.Skip(1).Take(3), i => Assert.Null(i.Confidence));
        Assert.Equal((2.3, 2.8, 0.9), (items[4].StartTime, items[4].EndTime, items[4].Confidence));
        Assert.Equal((TranscriptItemType.Punctuation, 2.8), (items[5].Type, items[5].StartTime));
        Assert.Equal("More than he was today", editor.Finals[0].Transcript);
        Assert.Equal((1.0, 2.8), (editor.Finals[0].StartTime, editor.Finals[0].EndTime));
    }

    [Fact]
    public void AnInsertedWord_TakesTheInstantBetweenItsNeighbours_AndADeletedOneLeaves()
    {
        var editor = Editor();
        editor.EditText(0, "more many very watts");
        var items = editor.Finals[0].Items;
        Assert.Equal(["more", "many", "very", "watts"], items.Select(i => i.Content));
        Assert.Equal((1.6, 1.6), (items[2].StartTime, items[2].EndTime));
        Assert.Equal(2.2, editor.Finals[0].EndTime); // "today" is gone, and its time with it
    }

    [Fact]
    public void ALineBreak_SplitsTheLine_AndAnEmptyTextRemovesIt()
    {
        var editor = Editor();
        Assert.True(editor.EditText(0, "more many\nwatts today"));
        Assert.Equal(["r1", "r1~2", "r2"], editor.Finals.Select(r => r.ResultId));
        Assert.Equal((1.0, 1.6), (editor.Finals[0].StartTime, editor.Finals[0].EndTime));
        Assert.Equal((1.6, 2.8), (editor.Finals[1].StartTime, editor.Finals[1].EndTime));

        Assert.True(editor.EditText(2, "  "));
        Assert.Equal(["r1", "r1~2"], editor.Finals.Select(r => r.ResultId));
    }

    [Fact]
    public void MergeAndSplit_KeepEveryWordsTime()
    {
        var editor = Editor();
        Assert.True(editor.Merge(0));
        var merged = Assert.Single(editor.Finals);
        Assert.Equal(("r1", 1.0, 3.4), (merged.ResultId, merged.StartTime, merged.EndTime));
        Assert.Equal("more many watts today yes", merged.Transcript);

        Assert.True(editor.Split(0, 4));
        Assert.Equal(["more many watts today", "yes"], editor.Finals.Select(r => r.Transcript));
        Assert.Equal(Line.Items, editor.Finals[0].Items);
        Assert.Equal((3.0, 3.4), (editor.Finals[1].StartTime, editor.Finals[1].EndTime));

        Assert.False(editor.Split(0, 0)); // nothing before the first word
        Assert.False(editor.Split(0, 9));
        Assert.False(editor.Merge(1)); // the last line has no next
    }

    [Fact]
    public void RenamingASpeaker_RelabelsEveryOneOfTheirWords_AndTheLabelReadsAsTyped()
    {
        var editor = Editor(R("r1", W("hello", 0, 0.5, speaker: "spk_0"), W("hi", 0.6, 0.9, speaker: "spk_1")), R("r2", W("bye", 1, 1.5, speaker: "spk_0")));
        Assert.True(editor.RenameSpeaker("spk_0", " Ada "));
        Assert.Equal(["Ada", "spk_1", "Ada"], editor.Finals.SelectMany(r => r.Items).Select(i => i.Speaker));
        Assert.Equal("Ada", SpeakerNames.Display("Ada"));
        Assert.Equal("Speaker 2", SpeakerNames.Display("spk_1"));
        Assert.False(editor.RenameSpeaker("Ada", ""));
    }

    [Fact]
    public void UndoAndRedo_WalkTheEdits_AndANewEditDropsTheRedo()
    {
        var editor = Editor();
        var start = editor.Finals;
        editor.EditText(0, "more than he was today");
        var edited = editor.Finals;
        editor.Merge(0);
        Assert.True(editor.IsCorrected);

        Assert.True(editor.Undo());
        Assert.Equal(edited, editor.Finals);
        Assert.True(editor.Undo());
        Assert.Equal(start, editor.Finals);
        Assert.False(editor.IsCorrected);
        Assert.False(editor.Undo());

        Assert.True(editor.Redo());
        Assert.Equal(edited, editor.Finals);
        editor.Split(0, 1);
        Assert.False(editor.CanRedo);
    }

    [Fact]
    public void TheSameText_IsNoEdit()
    {
        var editor = Editor();
        Assert.False(editor.EditText(0, "more many watts today"));
        Assert.False(editor.CanUndo);
    }

    [Fact]
    public void Exports_UseTheCorrection_AndJsonKeepsTheOriginalBeside()
    {
        var editor = Editor();
        editor.EditText(0, "More than he was today.");
        string srt = TranscriptExporter.Srt(editor.Finals);
        Assert.Contains("More than he was today.", srt);
        Assert.Contains("00:00:01,000 --> 00:00:02,800", srt);

        using var json = System.Text.Json.JsonDocument.Parse(TranscriptExporter.Json(editor.Finals, editor.Original));
        var transcript = json.RootElement.GetProperty("Transcript");
        Assert.Equal("More than he was today", transcript.GetProperty("Results")[0].GetProperty("Alternatives")[0].GetProperty("Transcript").GetString());
        Assert.Equal("more many watts today", transcript.GetProperty("OriginalResults")[0].GetProperty("Alternatives")[0].GetProperty("Transcript").GetString());

        using var plain = System.Text.Json.JsonDocument.Parse(TranscriptExporter.Json(editor.Original, editor.Original));
        Assert.False(plain.RootElement.GetProperty("Transcript").TryGetProperty("OriginalResults", out _)); // nothing corrected: Transcribe's shape exactly
    }
}
