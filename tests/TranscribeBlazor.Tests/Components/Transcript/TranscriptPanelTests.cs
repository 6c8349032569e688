using System.Collections.Immutable;
using Bunit;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Export;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Components.Transcript;

[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptPanelTests
{
    private static TranscriptItem W(string word, double start, double end, double? confidence = 0.9, string? speaker = null, bool redacted = false) =>
        new(word, start, end, confidence, true, TranscriptItemType.Pronunciation, speaker, redacted);

    private static TranscriptItem P(string mark, double at) => new(mark, at, at, null, true, TranscriptItemType.Punctuation);

    private static TranscriptResult Final(string id, params TranscriptItem[] items) =>
        new(id, items[0].StartTime, items[^1].EndTime, false, [TranscriptAlternative.FromItems(items)]);

    /// <summary>"hello there." (0.5–1.3 s), then "again" (2.0–2.4 s): three words, one punctuation mark.</summary>
    private static readonly ImmutableList<TranscriptResult> TwoFinals =
    [
        Final("r1", W("hello", 0.5, 0.9), W("there", 1.02, 1.3, confidence: 0.3), P(".", 1.3)),
        Final("r2", W("again", 2.0, 2.4)),
    ];

    private static SessionSnapshot Snapshot(SessionStatus status, IEnumerable<TranscriptResult>? finals = null, string? message = null,
        TranscriptResult? partial = null, AudioFormatInfo? format = null, double seconds = 0) =>
        new(status, new TranscriptState([.. finals ?? []], partial), "talk.wav", "Scripted", format, seconds, TimeSpan.FromSeconds(2), message, RunId: "run-1");


    [Fact]
    public async Task ARefusedFile_NamesTheHeader_AndSaysWhoseTranscriptIsBelow()
    {
        await using var ctx = ComponentContexts.WithMud();
        var refused = Snapshot(SessionStatus.Error, TwoFinals, message: "notes.wav: This is a text file, not audio.") with { FileName = "notes.wav", TranscriptOf = "talk.wav" };
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, refused));

        Assert.Equal("notes.wav", cut.Find("#transcript-title").TextContent);
        Assert.Empty(cut.FindAll(".transcript-format"));
        Assert.Equal("Transcript below: talk.wav", cut.Find("[data-testid=transcript-of]").TextContent);
        Assert.Equal(3, cut.FindAll("[data-testid=word]").Count);
    }

    [Fact]
    public async Task AFinishedRun_SaysNothingAboutAnotherFilesTranscript()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals)));
        Assert.Empty(cut.FindAll("[data-testid=transcript-of]"));
    }

    [Fact]
    public async Task ClickingAWord_CallsOnWordClick_WithItsStartSeconds()
    {
        await using var ctx = ComponentContexts.WithMud();
        var clicked = new List<double>();
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals))
            .Add(x => x.OnWordClick, (double s) => clicked.Add(s)));

        var words = cut.FindAll("[data-testid=word]");
        Assert.Equal(["hello", "there", "again"], words.Select(w => w.TextContent));
        words[1].Click();
        cut.FindAll("[data-testid=word]")[2].Click(); // the click re-rendered the panel: find it again

        Assert.Equal([1.02, 2.0], clicked);
    }

    [Fact]
    public async Task TheCurrentWord_IsMarkedCurrent_CountingWordsAcrossFinals_NotPunctuation()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals))
            .Add(x => x.CurrentWord, 2));

        var words = cut.FindAll("[data-testid=word]");
        Assert.True(words[2].ClassList.Contains("current"));
        Assert.Equal("true", words[2].GetAttribute("aria-current"));
        Assert.All(words.Take(2), w =>
        {
            Assert.False(w.ClassList.Contains("current"));
            Assert.False(w.HasAttribute("aria-current"));
        });
    }

    [Fact]
    public async Task ThePlayingWordMoving_RendersAgainOnlyTheLineItLeavesAndTheLineItEnters()
    {
        // A two-hour transcript has 1,500 lines, and the player moves the lit word several times a second.
        await using var ctx = ComponentContexts.WithMud();
        ImmutableList<TranscriptResult> threeFinals = [.. TwoFinals, Final("r3", W("once", 3.0, 3.4), W("more", 3.5, 3.9))];
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Done, threeFinals))
            .Add(x => x.EditNote, (string?)null)
            .Add(x => x.CurrentWord, 0));
        var lines = cut.FindComponents<TranscriptLine>();
        int[] before = [.. lines.Select(l => l.RenderCount)];

        cut.Render(p => p.Add(x => x.CurrentWord, 3)); // "hello" (line 1) to "once" (line 3)

        Assert.Equal([1, 0, 1], lines.Select((l, i) => l.RenderCount - before[i]));
        Assert.Equal("once", cut.Find("[aria-current=true]").TextContent);
        cut.Render(p => p.Add(x => x.CurrentWord, 4)); // within line 3
        Assert.Equal([1, 0, 2], lines.Select((l, i) => l.RenderCount - before[i]));
        Assert.Equal("more", cut.Find("[aria-current=true]").TextContent);
    }

    [Fact]
    public async Task FindingAWord_RendersAgainOnlyTheLinesWhoseMarksChange()
    {
        await using var ctx = ComponentContexts.WithMud();
        ImmutableList<TranscriptResult> threeFinals = [.. TwoFinals, Final("r3", W("hello", 3.0, 3.4), W("more", 3.5, 3.9))];
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, threeFinals)).Add(x => x.EditNote, (string?)null));
        var lines = cut.FindComponents<TranscriptLine>();
        int[] before = [.. lines.Select(l => l.RenderCount)];

        cut.Find("input[data-testid=find], [data-testid=find] input").Input("hello");

        // After the box's 150 ms debounce; the children's counts are read as the renderer reports them, which can trail the markup.
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".word.find-match").Count), TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() => Assert.Equal([1, 0, 1], lines.Select((l, i) => l.RenderCount - before[i])), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task NoCurrentWord_MarksNoWord()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals)));

        Assert.Empty(cut.FindAll(".current"));
        Assert.Empty(cut.FindAll("[aria-current]"));
    }

    [Fact]
    public async Task LowConfidenceWords_AreMarked_AndEachWordsTitleGivesItsTimeAndConfidence()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals)));

        var words = cut.FindAll("[data-testid=word]");
        Assert.False(words[0].ClassList.Contains("low-confidence"));
        Assert.True(words[1].ClassList.Contains("low-confidence"));
        Assert.Equal("0:00.5 – 0:00.9 · confidence 90 %", words[0].GetAttribute("title"));
        Assert.Equal("0:01.0 – 0:01.3 · confidence 30 %", words[1].GetAttribute("title"));
        Assert.Equal("1.02", words[1].GetAttribute("data-start"));
        Assert.Equal("1.3", words[1].GetAttribute("data-end"));
    }

    [Fact]
    public async Task Finals_AreInThePoliteLiveList_WithTheirTimeRange_AndPunctuationAttached()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals)));

        var finals = cut.FindAll("ol[aria-live=polite] > li.final");
        Assert.Equal(2, finals.Count);
        Assert.Equal("0:00.5 – 0:01.3", finals[0].QuerySelector(".segment-time")!.TextContent);
        Assert.Equal("hello there.", finals[0].QuerySelector(".segment-text")!.Text());
        Assert.Equal("0:02.0 – 0:02.4", finals[1].QuerySelector(".segment-time")!.TextContent);
    }

    [Fact]
    public async Task AFinalWithoutWordTimings_ShowsItsText()
    {
        await using var ctx = ComponentContexts.WithMud();
        var bare = new TranscriptResult("r1", 1, 2, false, [new TranscriptAlternative("just text", [])]);
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, [bare])));

        Assert.Equal("just text", cut.Find("[data-testid=final] .segment-text").Text());
        Assert.Empty(cut.FindAll("[data-testid=word]"));
    }

    [Fact]
    public async Task ThePartial_IsStyledApart_HiddenFromScreenReaders_AndOutsideTheLiveList()
    {
        await using var ctx = ComponentContexts.WithMud();
        var partial = ScriptedEngine.Result("r3", "still talking", partial: true, start: 3.0, end: 3.5);
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Running, TwoFinals, partial: partial)));

        var shown = cut.Find("[data-testid=partial]");
        Assert.True(shown.ClassList.Contains("partial"));
        Assert.False(shown.ClassList.Contains("final"));
        Assert.Equal("true", shown.GetAttribute("aria-hidden"));
        Assert.Null(shown.Closest("[aria-live]"));
        Assert.Equal("0:03.0 …", shown.QuerySelector(".segment-time")!.TextContent);
        Assert.Equal("still talking", shown.QuerySelector(".segment-text")!.TextContent);
        Assert.DoesNotContain("still talking", cut.Find("ol[aria-live=polite]").TextContent);
    }

    [Fact]
    public async Task Idle_ShowsTheEmptyState_AndNoCancelOrProgress()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, SessionSnapshot.Idle));

        Assert.Equal("The transcript appears here while the file is read.", cut.Find("[data-testid=transcript-empty]").TextContent);
        Assert.Equal("idle", cut.Find("[data-testid=transcript]").GetAttribute("data-state"));
        Assert.Equal("Ready", cut.Find("[data-testid=status]").Text());
        Assert.Equal("Transcript", cut.Find("#transcript-title").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=cancel]"));
        Assert.Empty(cut.FindAll("[role=progressbar]"));
        Assert.Empty(cut.FindAll("[data-testid=copy]"));
    }

    [Fact]
    public async Task Running_ShowsCancel_WhichCallsOnCancel()
    {
        await using var ctx = ComponentContexts.WithMud();
        int cancels = 0;
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Running, message: "Transcribing…"))
            .Add(x => x.OnCancel, () => cancels++));

        Assert.Equal("Transcribing", cut.Find("[data-testid=status]").Text());
        Assert.Empty(cut.FindAll("[data-testid=transcript-empty]"));
        cut.Find("[data-testid=cancel]").Click();

        Assert.Equal(1, cancels);
    }

    [Fact]
    public async Task Running_WithAKnownLength_ShowsHowMuchIsDone()
    {
        await using var ctx = ComponentContexts.WithMud();
        var format = new AudioFormatInfo("WAV", "16-bit PCM", 1, 16_000, TimeSpan.FromSeconds(10));
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Running, format: format, seconds: 3)));

        var bar = cut.Find("[role=progressbar]");
        Assert.Equal("Audio processed", bar.GetAttribute("aria-label"));
        Assert.Equal("30", bar.GetAttribute("aria-valuenow"));
        Assert.False(bar.ClassList.Contains("mud-progress-indeterminate"));
        Assert.Equal("3.0 s of 10.0 s · 0:02 elapsed · 1.5× real time", cut.Find(".transcript-progress-text").TextContent);
        Assert.Equal("WAV · 16-bit PCM · 16 kHz · mono · 0:10.0", cut.Find(".transcript-format").TextContent);
    }

    [Fact]
    public async Task Running_TakesTheLengthTheBrowserMeasured_WhenTheServerCannotTell()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Running, seconds: 1))
            .Add(x => x.BrowserSeconds, 4.0));

        Assert.Equal("25", cut.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.StartsWith("1.0 s of 4.0 s", cut.Find(".transcript-progress-text").TextContent);
    }

    [Fact]
    public async Task Running_WithAnUnknownLength_IsIndeterminate()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Running, seconds: 3)));

        var bar = cut.Find("[role=progressbar]");
        Assert.Equal("Audio processed", bar.GetAttribute("aria-label"));
        Assert.True(bar.ClassList.Contains("mud-progress-indeterminate"));
        Assert.Equal("3.0 s · 0:02 elapsed · 1.5× real time", cut.Find(".transcript-progress-text").TextContent);
    }

    [Fact]
    public async Task AListeningRecording_HasNoProgressBar_ButSaysHowMuchWasRecorded()
    {
        await using var ctx = ComponentContexts.WithMud();
        var live = Snapshot(SessionStatus.Running, seconds: 11.9) with { Live = new LiveStatus(true, 0.3, 12.3, 2.4) };
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, live));

        Assert.Empty(cut.FindAll("[role=progressbar]"));
        Assert.Equal("0:12.3 recorded · 11.9 s transcribed · 2.4 s waiting", cut.Find(".transcript-progress-text").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=cancel]"));
    }

    [Fact]
    public async Task Error_ShowsTheMessageAsAnAlert_AndKeepsTheFinals()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Error, TwoFinals, message: "bad.wav: not audio")));

        var alert = cut.Find("[data-testid=error]");
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Equal("bad.wav: not audio", alert.Text());
        Assert.Equal("Error", cut.Find("[data-testid=status]").Text());
        Assert.Equal("error", cut.Find("[data-testid=transcript]").GetAttribute("data-state"));
        Assert.Equal(2, cut.FindAll("[data-testid=final]").Count);
        Assert.Empty(cut.FindAll("[data-testid=cancel]"));
        Assert.Empty(cut.FindAll(".transcript-message"));
    }

    [Theory]
    [InlineData(SessionStatus.Done, "Done", "Done: 2 segments from 2.4 s of audio in 0.1 s.")]
    [InlineData(SessionStatus.Cancelled, "Cancelled", "Cancelled. The transcript so far is kept.")]
    public async Task AnEndedRun_SaysHowItEnded_WithoutCancelOrProgress(SessionStatus status, string label, string message)
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(status, TwoFinals, message: message)));

        Assert.Equal(label, cut.Find("[data-testid=status]").Text());
        var shown = cut.Find(".transcript-message");
        Assert.Equal("status", shown.GetAttribute("role"));
        Assert.Equal(message, shown.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=cancel]"));
        Assert.Empty(cut.FindAll("[role=progressbar]"));
        Assert.Empty(cut.FindAll("[data-testid=error]"));
        Assert.Empty(cut.FindAll("[data-testid=transcript-empty]"));
    }

    [Fact]
    public async Task EachExportButton_CallsOnExport_WithItsFormat()
    {
        await using var ctx = ComponentContexts.WithMud();
        var exported = new List<ExportFormat>();
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals))
            .Add(x => x.OnExport, (ExportFormat f) => exported.Add(f)));

        foreach (var id in new[] { "json", "txt", "vtt", "srt" })
            cut.Find($"[data-testid=export-{id}]").Click();

        Assert.Equal([ExportFormat.Json, ExportFormat.Txt, ExportFormat.Vtt, ExportFormat.Srt], exported);
        Assert.Equal("Download as SRT", cut.Find("[data-testid=export-srt]").GetAttribute("title"));
    }

    [Fact]
    public async Task Copy_CallsOnCopy()
    {
        await using var ctx = ComponentContexts.WithMud();
        int copies = 0;
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Done, TwoFinals))
            .Add(x => x.OnCopy, () => copies++));

        cut.Find("[data-testid=copy]").Click();

        Assert.Equal(1, copies);
    }

    [Fact]
    public async Task WithNothingTranscribed_ThereIsNothingToExport()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<TranscriptPanel>(p => p.Add(x => x.Snapshot, Snapshot(SessionStatus.Done, message: "No speech was recognised.")));

        Assert.Empty(cut.FindAll("[data-testid=copy]"));
        Assert.Empty(cut.FindAll("[data-testid^=export-]"));
    }

    [Fact]
    public async Task SpeakersGetAChipWhereTheyStart_AndRedactedWordsAreMarked()
    {
        await using var ctx = ComponentContexts.WithMud();
        var final = Final("r1",
            W("my", 0.0, 0.2, speaker: "0"), W("name", 0.2, 0.4, speaker: "0"), W("is", 0.4, 0.5, speaker: "0"),
            W("[PII]", 0.5, 1.0, speaker: "0", redacted: true), P(".", 1.0),
            W("hi", 1.5, 1.8, speaker: "1"));
        var clicked = new List<double>();
        var cut = ctx.Render<TranscriptPanel>(p => p
            .Add(x => x.Snapshot, Snapshot(SessionStatus.Done, [final]))
            .Add(x => x.CurrentWord, 3)
            .Add(x => x.OnWordClick, (double s) => clicked.Add(s)));

        Assert.Equal(["Speaker 1", "Speaker 2"], cut.FindAll("[data-testid=speaker]").Select(e => e.Text()));
        var redacted = cut.Find("[data-testid=redacted]");
        Assert.Equal("MARK", redacted.TagName);
        Assert.Equal("[PII]", redacted.TextContent);
        Assert.True(redacted.ClassList.Contains("redacted"));
        Assert.True(redacted.ClassList.Contains("current")); // it counts as a word for the player
        Assert.Equal("true", redacted.GetAttribute("aria-current"));
        Assert.Equal(["my", "name", "is", "hi"], cut.FindAll("[data-testid=word]").Select(w => w.TextContent));
        redacted.Click();
        Assert.Equal([0.5], clicked);
    }
}
