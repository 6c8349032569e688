using Microsoft.Extensions.DependencyInjection;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Export;
using TranscribeBlazor.History;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components.Transcript;

/// <summary>A correction reaches the session (exports, player) and the transcript's history entry, with the recogniser's original beside it.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class TranscriptCorrectionsTests
{
    [Fact]
    public async Task ACorrection_IsShown_SavedToHistoryWithItsOriginal_AndUndoneEverywhere()
    {
        await using var ctx = ComponentContexts.WithMud();
        AppServices.AddTo(ctx, [new ScriptedEngine()]);
        var session = ctx.Services.GetRequiredService<TranscriptionSession>();
        var store = ctx.Services.GetRequiredService<HistoryStore>();
        var corrections = ctx.Services.GetRequiredService<TranscriptCorrections>();
        var entry = new HistoryEntry("entry-1", "talk.wav", DateTimeOffset.UtcNow, 8.4, "Scripted", Export.ExportSamples.Conversation);
        await store.AddAsync(entry);
        entry.ShowIn(session);

        Assert.True(await corrections.EditTextAsync(0, "Hello, there!"));
        Assert.Equal("Hello there", session.Current.Transcript.Finals[0].Transcript);
        Assert.Equal("hello there", session.Current.OriginalFinals![0].Transcript);
        var saved = await store.GetAsync("entry-1");
        Assert.Equal("Hello there", saved!.Results[0].Transcript);
        Assert.Equal("hello there", saved.Original![0].Transcript);
        Assert.Contains("OriginalResults", TranscriptExporter.Export(session.Current.Transcript.Finals, ExportFormat.Json, session.Current.OriginalFinals));

        // Opened again from history, the correction is what shows, and can still be undone there (a new editor, the same original).
        var reopened = (await store.GetAsync("entry-1"))!;
        reopened.ShowIn(session);
        Assert.Equal("Hello there", session.Current.Transcript.Finals[0].Transcript);
        Assert.NotNull(session.Current.OriginalFinals); // still known as a correction of the recogniser's lines

        Assert.True(await corrections.MergeAsync(0));
        Assert.True(corrections.CanUndo);
        Assert.True(await corrections.UndoAsync());
        Assert.Equal(3, session.Current.Transcript.Finals.Count);
        Assert.Equal(3, (await store.GetAsync("entry-1"))!.Results.Count);
    }

    [Fact]
    public async Task WhileARunIsUnderWay_NothingCanBeCorrected()
    {
        await using var ctx = ComponentContexts.WithMud();
        var gate = new SemaphoreSlim(0);
        AppServices.AddTo(ctx, [new ScriptedEngine(ScriptedEngine.Result("1", "words", partial: false)) { Gate = gate }]);
        var session = ctx.Services.GetRequiredService<TranscriptionSession>();
        var corrections = ctx.Services.GetRequiredService<TranscriptCorrections>();
        session.Start("a.wav", _ => new MemoryStream(WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1.0), 16_000, 1)));
        await Signals.WaitUntilAsync(() => session.Current.IsRunning, TimeSpan.FromSeconds(5));

        Assert.Equal("Lines can be corrected once the run has ended.", TranscriptCorrections.NotEditable(session.Current));
        Assert.False(await corrections.EditTextAsync(0, "anything"));
        gate.Release(10);
        await session.Completion;
    }
}
