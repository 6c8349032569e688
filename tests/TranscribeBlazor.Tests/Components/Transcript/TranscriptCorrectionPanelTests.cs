using System.Collections.Immutable;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Components.Transcript;

/// <summary>The transcript panel's corrections and find box: what the keys and buttons ask of the page.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptCorrectionPanelTests
{
    private static TranscriptItem W(string word, double start, double end, string? speaker = null) =>
        new(word, start, end, 0.9, true, TranscriptItemType.Pronunciation, speaker);

    private static TranscriptResult Final(string id, params TranscriptItem[] items) =>
        new(id, items[0].StartTime, items[^1].EndTime, false, [TranscriptAlternative.FromItems(items)]);

    private static readonly ImmutableList<TranscriptResult> Lines =
    [
        Final("r1", W("many", 0.5, 0.9, "spk_0"), W("watts", 1.0, 1.3, "spk_0")),
        Final("r2", W("the", 2.0, 2.2, "spk_1"), W("watts", 2.2, 2.6, "spk_1"), W("again", 2.6, 3.0, "spk_1")),
    ];

    private static SessionSnapshot Shown(SessionStatus status = SessionStatus.Done) =>
        new(status, new TranscriptState(Lines, null), "talk.wav", "Scripted", null, 3, TimeSpan.FromSeconds(2), null, RunId: "run-1");

    private sealed class Calls
    {
        public List<LineEdit> Edits { get; } = [];
        public List<int> Merges { get; } = [];
        public List<string> Renames { get; } = [];
        public List<double> Seeks { get; } = [];
        public int Undos { get; set; }
    }

    private static IRenderedComponent<TranscriptPanel> Render(BunitContext ctx, Calls calls, SessionSnapshot? shown = null, bool canUndo = false)
    {
        shown ??= Shown();
        return ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, shown)
            .Add(x => x.EditNote, TranscriptCorrections.NotEditable(shown))
            .Add(x => x.CanUndo, canUndo)
            .Add(x => x.OnEditLine, e => calls.Edits.Add(e))
            .Add(x => x.OnMerge, i => calls.Merges.Add(i))
            .Add(x => x.OnRenameSpeaker, s => calls.Renames.Add(s))
            .Add(x => x.OnUndo, () => calls.Undos++)
            .Add(x => x.OnWordClick, t => calls.Seeks.Add(t)));
    }

    [Fact]
    public async Task EnterOnALine_OpensItsText_AndEnterSavesIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var calls = new Calls();
        var cut = Render(ctx, calls);

        cut.FindAll("[data-testid=final]")[0].KeyDown(new KeyboardEventArgs { Key = "Enter" });
        var editor = cut.Find("[data-testid=line-editor]");
        Assert.Equal("many watts", editor.GetAttribute("value") ?? editor.TextContent);
        editor.Input("than he was");
        editor.KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal([new LineEdit(0, "than he was")], calls.Edits);
        Assert.Empty(cut.FindAll("[data-testid=line-editor]"));
    }

    [Fact]
    public async Task EscapeCancels_ShiftEnterDoesNotSave_AndThePencilOpensTheLineToo()
    {
        await using var ctx = ComponentContexts.WithMud();
        var calls = new Calls();
        var cut = Render(ctx, calls);

        cut.FindAll("[data-testid=line-edit]")[1].Click();
        var editor = cut.Find("[data-testid=line-editor]");
        editor.Input("the watts\nagain");
        editor.KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = true }); // a line break, which will split the line
        Assert.Empty(calls.Edits);
        cut.Find("[data-testid=line-save]").Click();
        Assert.Equal([new LineEdit(1, "the watts\nagain")], calls.Edits);

        cut.FindAll("[data-testid=line-edit]")[0].Click();
        cut.Find("[data-testid=line-editor]").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[data-testid=line-editor]"));
        Assert.Single(calls.Edits);
    }

    [Fact]
    public async Task Join_RenameAndUndo_AskThePage()
    {
        await using var ctx = ComponentContexts.WithMud();
        var calls = new Calls();
        var cut = Render(ctx, calls, canUndo: true);

        Assert.Single(cut.FindAll("[data-testid=line-merge]")); // the last line has no next to join
        cut.Find("[data-testid=line-merge]").Click();
        cut.FindAll("[data-testid=speaker]")[1].Click();
        cut.Find("[data-testid=undo] button, button[data-testid=undo]").Click();

        Assert.Equal([0], calls.Merges);
        Assert.Equal(["spk_1"], calls.Renames);
        Assert.Equal(1, calls.Undos);
        Assert.True(cut.Find("button[data-testid=redo], [data-testid=redo] button").HasAttribute("disabled"));
    }

    [Fact]
    public async Task WhileARunIsUnderWay_LinesCannotBeCorrected_AndThePanelSaysSo()
    {
        await using var ctx = ComponentContexts.WithMud();
        var calls = new Calls();
        var cut = Render(ctx, calls, Shown(SessionStatus.Running));

        Assert.Equal("Lines can be corrected once the run has ended.", cut.Find("[data-testid=edit-note]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=line-edit]"));
        Assert.Empty(cut.FindAll("[data-testid=undo]"));
        cut.FindAll("[data-testid=final]")[0].KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Empty(cut.FindAll("[data-testid=line-editor]"));
        cut.FindAll("[data-testid=speaker]")[0].Click();
        Assert.Empty(calls.Renames);
    }

    [Fact]
    public async Task Find_TintsEveryMatch_CountsThem_AndEnterSeeksToEachInTurn()
    {
        await using var ctx = ComponentContexts.WithMud();
        var calls = new Calls();
        var cut = Render(ctx, calls);

        cut.Find("input[data-testid=find], [data-testid=find] input").Input("WATTS");
        cut.WaitForAssertion(() => Assert.Equal("2 matches", cut.Find("[data-testid=find-count]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal(["watts", "watts"], cut.FindAll(".word.find-match").Select(w => w.TextContent));

        for (int i = 1; i <= 3; i++)
        {
            cut.Find(".transcript-find").KeyDown(new KeyboardEventArgs { Key = "Enter" }); // where the input's keys arrive, bubbling up
            cut.WaitForAssertion(() => Assert.Equal(i, calls.Seeks.Count), TimeSpan.FromSeconds(5));
        }
        Assert.Equal([1.0, 2.2, 1.0], calls.Seeks);
        Assert.Equal("1 of 2", cut.Find("[data-testid=find-count]").TextContent);
        Assert.Equal("watts", cut.Find(".word.find-current").TextContent);

        cut.Find("input[data-testid=find], [data-testid=find] input").Input("the wat");
        cut.WaitForAssertion(() => Assert.Equal("1 match", cut.Find("[data-testid=find-count]").TextContent), TimeSpan.FromSeconds(5));
        Assert.Equal(["the", "watts"], cut.FindAll(".word.find-match").Select(w => w.TextContent));
    }
}
