using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TranscribeBlazor.Components.History;
using TranscribeBlazor.History;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Components.History;

[Trait(Category.Name, Category.Unit)]
public sealed class HistoryPanelTests
{
    private static readonly byte[] OneSecond = WavBuilder.Pcm16(Signals.Tone(300, 16_000, 1.0), 16_000, 1);

    /// <summary>The panel with its real state over in-memory browser storage, and MudBlazor's dialog host.</summary>
    private sealed class Page(BunitContext ctx, AppServices app)
    {
        public AppServices App => app;
        public HistoryStore Store { get; } = ctx.Services.GetRequiredService<HistoryStore>();
        public TranscriptionSession Session { get; } = ctx.Services.GetRequiredService<TranscriptionSession>();
        public IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = default!;
        public IRenderedComponent<HistoryPanel> Panel { get; private set; } = default!;

        public static Page For(BunitContext ctx) => new(ctx, AppServices.AddTo(ctx, [new ScriptedEngine(Result("1", "kept words", partial: false))]));

        public async Task<HistoryEntry> KeepAsync(string name, int minutesAgo)
        {
            var entry = new HistoryEntry(Guid.NewGuid().ToString("N"), name, DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), 3.0, "Scripted",
                [Result("r1", "hello there", partial: false), Result("r2", "general kenobi", partial: false, start: 1, end: 2)]);
            await Store.AddAsync(entry);
            return entry;
        }

        public Page Render(bool disabled = false)
        {
            ctx.Render<MudPopoverProvider>();
            Dialogs = ctx.Render<MudDialogProvider>();
            Panel = ctx.Render<HistoryPanel>(p => p.Add(x => x.Disabled, disabled));
            return this;
        }

        /// <summary>Clicks the entry's button that asks something, and waits for MudBlazor to show the dialog.</summary>
        public void Ask(string testId, int index = 0)
        {
            Panel.FindAll($"[data-testid={testId}]")[index].Click();
            Dialogs.WaitForElement("[role=dialog]", TimeSpan.FromSeconds(5));
        }

        public void WaitForNoDialog() => Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[role=dialog]")), TimeSpan.FromSeconds(5));

        public IReadOnlyList<string> Names() => Panel.FindAll("[data-testid=history-open]").Select(b => b.Text()).ToList();

        public void WaitForNames(params string[] names) => Panel.WaitForAssertion(() => Assert.Equal(names, Names()), TimeSpan.FromSeconds(5));

        public async Task<IReadOnlyList<string>> StoredNamesAsync() => (await Store.ListAsync()).Select(e => e.Name).ToList();
    }

    [Fact]
    public async Task ListsTheKeptTranscripts_NewestFirst_WithWhenHowLongAndWhichEngine()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        var older = await page.KeepAsync("older.wav", 10);
        await page.KeepAsync("newer.wav", 1);

        page.Render().WaitForNames("newer.wav", "older.wav");

        var meta = page.Panel.FindAll(".history-meta")[1].Text();
        Assert.Equal($"{older.Created.ToLocalTime():yyyy-MM-dd HH:mm} · 0:03.0 · Scripted", meta);
        Assert.Equal("Rename older.wav", page.Panel.FindAll("[data-testid=history-rename]")[1].GetAttribute("aria-label"));
        Assert.Empty(page.Panel.FindAll("[data-testid=history-empty]"));
        Assert.NotNull(page.Panel.Find("[data-testid=history-clear]"));
    }

    [Fact]
    public async Task Find_FiltersByName_ThenByTheWordsOfEachTranscript()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("standup.wav", 3);
        await page.KeepAsync("retro.wav", 2);
        await page.KeepAsync("kenobi interview.wav", 1);
        page.Render().WaitForNames("kenobi interview.wav", "retro.wav", "standup.wav");

        IElement Box() => page.Panel.Find("input[data-testid=history-find], [data-testid=history-find] input");
        await Box().InputAsync("RETRO");
        page.WaitForNames("retro.wav");
        page.Panel.WaitForAssertion(() => Assert.Equal("1 transcript of 3", page.Panel.Find("[data-testid=history-find-count]").Text()), TimeSpan.FromSeconds(5));

        await Box().InputAsync("general");
        page.WaitForNames("kenobi interview.wav", "retro.wav", "standup.wav"); // in every transcript's words
        await Box().InputAsync("zebra");
        page.WaitForNames();
        page.Panel.WaitForAssertion(() => Assert.Equal("No kept transcript matches", page.Panel.Find("[data-testid=history-find-count]").Text()), TimeSpan.FromSeconds(5));
        await Box().InputAsync("");
        page.WaitForNames("kenobi interview.wav", "retro.wav", "standup.wav");
    }

    [Fact]
    public async Task WithNothingKept_SaysWhatWillBeKeptHere()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx).Render();

        Assert.Equal("Finished transcripts are kept here, in this browser only.", page.Panel.Find("[data-testid=history-empty]").Text());
        Assert.Empty(page.Panel.FindAll("[data-testid=history-item]"));
        Assert.Empty(page.Panel.FindAll("[data-testid=history-clear]"));
    }

    [Fact]
    public async Task Rename_TypeANewName_AndSave_RenamesIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        var entry = await page.KeepAsync("old.wav", 1);
        page.Render().WaitForNames("old.wav");

        page.Ask("history-rename");
        var input = page.Dialogs.Find("[data-testid=history-rename-input]");
        Assert.Equal("old.wav", input.GetAttribute("value"));
        await input.InputAsync("  Board meeting ");
        page.Dialogs.Find("[data-testid=history-rename-save]").Click();

        page.WaitForNames("Board meeting");
        Assert.Equal("Board meeting", (await page.Store.GetAsync(entry.Id))!.Name);
        page.WaitForNoDialog();
    }

    [Fact]
    public async Task Rename_EnterSaves_AndABlankNameCannotBeSaved()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("old.wav", 1);
        page.Render().WaitForNames("old.wav");

        page.Ask("history-rename");
        await page.Dialogs.Find("[data-testid=history-rename-input]").InputAsync("   ");
        page.Dialogs.WaitForAssertion(() => Assert.True(page.Dialogs.Find("[data-testid=history-rename-save]").HasAttribute("disabled")));
        await page.Dialogs.Find("[data-testid=history-rename-input]").KeyUpAsync(new KeyboardEventArgs { Key = "Enter" });
        Assert.NotEmpty(page.Dialogs.FindAll("[role=dialog]"));

        await page.Dialogs.Find("[data-testid=history-rename-input]").InputAsync("Typed");
        page.Dialogs.WaitForAssertion(() => Assert.False(page.Dialogs.Find("[data-testid=history-rename-save]").HasAttribute("disabled")));
        await page.Dialogs.Find("[data-testid=history-rename-input]").KeyUpAsync(new KeyboardEventArgs { Key = "Enter" });

        page.WaitForNames("Typed");
    }

    [Fact]
    public async Task Rename_Cancel_ChangesNothing()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("old.wav", 1);
        page.Render().WaitForNames("old.wav");

        page.Ask("history-rename");
        await page.Dialogs.Find("[data-testid=history-rename-input]").InputAsync("Not this");
        page.Dialogs.FindButton("Cancel").Click();

        page.WaitForNoDialog();
        Assert.Equal(["old.wav"], page.Names());
        Assert.Equal(["old.wav"], await page.StoredNamesAsync());
    }

    [Fact]
    public async Task Delete_AsksFirst_AndKeepKeepsIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("old.wav", 1);
        page.Render().WaitForNames("old.wav");

        page.Ask("history-delete");
        Assert.Contains("Delete “old.wav” from this browser's history? This cannot be undone.", page.Dialogs.Markup);
        Assert.Equal(["old.wav"], await page.StoredNamesAsync());
        page.Dialogs.FindButton("Keep").Click();

        page.WaitForNoDialog();
        Assert.Equal(["old.wav"], page.Names());
        Assert.Equal(["old.wav"], await page.StoredNamesAsync());
    }

    [Fact]
    public async Task Delete_AsksFirst_AndDeleteDeletesIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        var gone = await page.KeepAsync("gone.wav", 2);
        await page.KeepAsync("stays.wav", 1);
        page.Render().WaitForNames("stays.wav", "gone.wav");

        page.Ask("history-delete", 1);
        page.Dialogs.FindButton("Delete").Click();

        page.WaitForNames("stays.wav");
        Assert.Equal(["stays.wav"], await page.StoredNamesAsync());
        Assert.Null(await page.Store.GetAsync(gone.Id));
    }

    [Fact]
    public async Task ClearAll_AsksFirst_ThenEmptiesTheHistory()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("a.wav", 2);
        await page.KeepAsync("b.wav", 1);
        page.Render().WaitForNames("b.wav", "a.wav");

        page.Ask("history-clear");
        Assert.Contains("Delete all 2 transcripts kept in this browser? This cannot be undone.", page.Dialogs.Markup);
        page.Dialogs.FindButton("Clear all").Click();

        page.WaitForNames();
        Assert.Empty(await page.StoredNamesAsync());
        Assert.DoesNotContain(page.App.Storage.Values.Keys, k => k.StartsWith("history.entry"));
        Assert.NotNull(page.Panel.Find("[data-testid=history-empty]"));
    }

    [Fact]
    public async Task ClearAll_Keep_KeepsEverything()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("only.wav", 1);
        page.Render().WaitForNames("only.wav");

        page.Ask("history-clear");
        Assert.Contains("Delete the 1 transcript kept in this browser?", page.Dialogs.Markup);
        page.Dialogs.FindButton("Keep").Click();

        page.WaitForNoDialog();
        Assert.Equal(["only.wav"], await page.StoredNamesAsync());
        Assert.Equal(["only.wav"], page.Names());
    }

    [Fact]
    public async Task Open_ShowsTheKeptTranscriptInTheSession()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("old.wav", 1);
        page.Render().WaitForNames("old.wav");

        page.Panel.Find("[data-testid=history-open]").Click();

        page.Panel.WaitForAssertion(() => Assert.Equal("old.wav", page.Session.Current.FileName), TimeSpan.FromSeconds(5));
        var shown = page.Session.Current;
        Assert.Equal(SessionStatus.Done, shown.Status);
        Assert.Equal(["hello there", "general kenobi"], shown.Transcript.Finals.Select(f => f.Transcript));
        Assert.StartsWith("From history: ", shown.Message);
        Assert.Empty(page.Panel.FindAll("[data-testid=history-message]"));
    }

    [Fact]
    public async Task AnEntryThatCannotBeRead_LeavesTheList_AndThePanelSaysSo()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        var broken = await page.KeepAsync("broken.wav", 2);
        await page.KeepAsync("fine.wav", 1);
        page.App.Storage.Values[page.App.Storage.Values.Keys.Single(k => k.EndsWith(broken.Id))] = "{not json";
        page.Render().WaitForNames("fine.wav", "broken.wav");

        page.Panel.FindAll("[data-testid=history-open]")[1].Click();

        page.WaitForNames("fine.wav");
        var message = page.Panel.Find("[data-testid=history-message]");
        Assert.Contains("could not be read", message.Text());
        Assert.Equal("status", message.GetAttribute("role"));
        Assert.Equal(SessionStatus.Idle, page.Session.Current.Status);
    }

    [Fact]
    public async Task WhileARunIsUnderWay_OpeningWaits()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx);
        await page.KeepAsync("old.wav", 1);
        page.Render(disabled: true).WaitForNames("old.wav");

        Assert.True(page.Panel.Find("[data-testid=history-open]").HasAttribute("disabled"));
        Assert.False(page.Panel.Find("[data-testid=history-delete]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ARunThatEndsWithATranscript_IsKept()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = Page.For(ctx).Render();

        Assert.True(page.Session.Start("talk.wav", _ => new MemoryStream(OneSecond)));
        await page.Session.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        page.WaitForNames("talk.wav");
        var kept = await page.Store.GetAsync((await page.Store.ListAsync())[0].Id);
        Assert.Equal(["kept words"], kept!.Results.Select(r => r.Transcript));
    }
}
