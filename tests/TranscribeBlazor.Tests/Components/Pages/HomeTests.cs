using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TranscribeBlazor.Components.Pages;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Export;
using TranscribeBlazor.History;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Settings;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Components.Pages;

[Trait(Category.Name, Category.Unit)]
public sealed class HomeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private static readonly byte[] TwoSeconds = WavBuilder.Pcm16(Signals.Tone(300, 16_000, 2.0), 16_000, 1);

    /// <summary>
    /// The page over the app's services and a scripted engine that waits for <see cref="Gate"/> before each
    /// result ("hello world" at 1.0 s, then one that never comes unless released), so a run stays under way.
    /// </summary>
    private sealed class Page
    {
        private Page(BunitContext ctx, TestSettings? options)
        {
            var engine = new ScriptedEngine(Result("1", "hello world", partial: false, start: 1.0, end: 1.2), Result("2", "later", partial: false, start: 2)) { Gate = Gate };
            AppServices.AddTo(ctx, [engine], options);
            Transcript = ctx.JSInterop.SetupModule("./js/transcript.js");
            Transcript.SetupVoid("attachPlayer", _ => true).SetVoidResult();
            Transcript.Setup<bool>("playFile", i => i.Arguments[1] is ElementReference).SetResult(true);
            Transcript.Setup<bool>("playFile", i => i.Arguments[1] is null).SetResult(false);
            Transcript.SetupVoid("seek", _ => true).SetVoidResult();
            Transcript.SetupVoid("scrollIntoView", _ => true).SetVoidResult();
            Transcript.SetupVoid("download", _ => true).SetVoidResult();
            Session = ctx.Services.GetRequiredService<TranscriptionSession>();
            Player = ctx.Services.GetRequiredService<PlayerFollower>();
            Snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        }

        /// <summary>Renders the page once the settings have loaded (the layout loads them in the app).</summary>
        public static async Task<Page> OpenAsync(BunitContext ctx, TestSettings? options = null)
        {
            var page = new Page(ctx, options);
            await ctx.Services.GetRequiredService<SettingsState>().LoadAsync();
            ctx.Render<MudPopoverProvider>();
            page.Cut = ctx.Render<Home>();
            return page;
        }

        public SemaphoreSlim Gate { get; } = new(0);
        public BunitJSInterop Transcript { get; }
        public TranscriptionSession Session { get; }
        public PlayerFollower Player { get; }
        public ISnackbar Snackbar { get; }
        public IRenderedComponent<Home> Cut { get; private set; } = default!;

        /// <summary>Chooses files in the drop zone, in one go (the page lets go of used inputs on its own schedule).</summary>
        public void Drop(params string[] names) =>
            Cut.FindComponent<InputFile>().UploadFiles(names.Select(n => InputFileContent.CreateFromBinary(TwoSeconds, n)).ToArray());

        /// <summary>Finds and clicks in one go on the renderer's thread: the running session re-renders the page at any moment.</summary>
        public Task ClickAsync(string selector, int index = 0) => Cut.InvokeAsync(() => Cut.FindAll(selector)[index].Click());

        public string State => Cut.Find("[data-testid=transcript]").GetAttribute("data-state")!;

        public void WaitFor(Action assertion) => Cut.WaitForAssertion(assertion, Wait);
    }

    [Fact]
    public async Task ThePage_ComposesItsPanels_AroundAnIdleSession()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx);

        Assert.False(page.Cut.Find("[data-testid=engine-scripted]").HasAttribute("disabled"));
        Assert.True(page.Cut.Find("[data-testid=engine-scripted]").HasAttribute("checked")); // the server's default
        Assert.NotNull(page.Cut.Find("[data-testid=drop-zone]"));
        Assert.NotNull(page.Cut.Find("[data-testid=record]"));
        Assert.NotNull(page.Cut.Find("[data-testid=history]"));
        Assert.Equal("idle", page.State);
        Assert.NotNull(page.Cut.Find("[data-testid=transcript-empty]"));
        Assert.Empty(page.Cut.FindAll("[data-testid=queue]"));
        Assert.True(page.Cut.Find(".audio-player").HasAttribute("hidden"));
        Assert.Equal("Drop recordings here, or click to choose", page.Cut.Find(".drop-zone-face h6").TextContent);
    }

    [Fact]
    public async Task ADroppedFile_IsTranscribed_PlayedFromTheBrowser_AndLocksWhatWaitsForTheRun()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx);

        page.Drop("talk.wav");

        page.WaitFor(() => Assert.Equal("running", page.State));
        Assert.Equal("talk.wav", page.Cut.Find("#transcript-title").TextContent);
        Assert.Equal("talk.wav", page.Session.Current.FileName);
        page.WaitFor(() => Assert.Equal("Drop more recordings to queue them", page.Cut.Find(".drop-zone-face h6").TextContent));
        Assert.True(page.Cut.Find("[data-testid=engine-scripted]").HasAttribute("disabled"));
        Assert.True(page.Cut.Find("[data-testid=record]").HasAttribute("disabled"));

        // The player plays the browser's own copy: drop 0, file 0 of the drop zone.
        page.WaitFor(() => Assert.False(page.Cut.Find(".audio-player").HasAttribute("hidden")));
        var play = page.Transcript.VerifyInvoke("playFile");
        Assert.IsType<ElementReference>(play.Arguments[1]);
        Assert.Equal([0, 0], play.Arguments.Skip(2));

        page.Gate.Release();
        page.WaitFor(() => Assert.Equal(["hello", "world"], page.Cut.FindAll("[data-testid=word]").Select(w => w.TextContent)));
        await page.ClickAsync("[data-testid=word]", 1);
        page.WaitFor(() => Assert.Equal(1.1, (double)page.Transcript.VerifyInvoke("seek").Arguments[1]!, 3));
    }

    [Fact]
    public async Task Cancel_EndsTheRun_KeepingItsTranscript_WhichHistoryKeepsToo()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx);
        page.Drop("talk.wav");
        page.Gate.Release();
        page.WaitFor(() => Assert.Single(page.Cut.FindAll("[data-testid=final]")));

        await page.ClickAsync("[data-testid=cancel]");

        page.WaitFor(() => Assert.Equal("cancelled", page.State));
        Assert.Single(page.Cut.FindAll("[data-testid=final]"));
        page.WaitFor(() => Assert.Equal(["talk.wav"], page.Cut.FindAll("[data-testid=history-open]").Select(b => b.Text())));
        Assert.False(page.Cut.Find("[data-testid=history-open]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task OfSeveralDroppedFiles_TheFirstRuns_AndTheRestQueue_AndCanBeTakenOut()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx);

        page.Drop("first.wav", "second.wav", "third.wav");

        page.WaitFor(() => Assert.Equal(["second.wav", "third.wav"], page.Cut.FindAll("[data-testid=queue-item] .queue-name").Select(n => n.TextContent)));
        Assert.Equal("first.wav", page.Session.Current.FileName);
        page.WaitFor(() => Assert.Equal(3, page.Player.HeldFiles)); // the running file's input (its upload) and the waiting ones' stay
        await page.ClickAsync("[data-testid=queue-remove]", 0);

        page.WaitFor(() => Assert.Equal(["third.wav"], page.Cut.FindAll("[data-testid=queue-item] .queue-name").Select(n => n.TextContent)));
        Assert.Equal(["third.wav"], page.Session.Current.Waiting.Select(w => w.Name));
        Assert.Equal(2, page.Player.HeldFiles);

        await page.ClickAsync("[data-testid=cancel-all]");

        page.WaitFor(() => Assert.Equal("cancelled", page.State));
        Assert.Empty(page.Cut.FindAll("[data-testid=queue]"));
        Assert.Empty(page.Session.Current.Waiting);
        Assert.Equal("first.wav", page.Session.Current.FileName);
        page.WaitFor(() => Assert.Equal(0, page.Player.HeldFiles)); // nothing is read or waits: the inputs can go
    }

    [Fact]
    public async Task FilesBeyondTheQueuesRoom_AreNamedInAWarning()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx, new TestSettings { Session = new() { MaxWaitingFiles = 1 } });

        page.Drop("a.wav", "b.wav", "c.wav");

        page.WaitFor(() => Assert.Single(page.Snackbar.ShownSnackbars));
        var warning = page.Snackbar.ShownSnackbars.Single();
        Assert.Equal("Only 1 files can wait at once; not added: c.wav.", warning.Message);
        Assert.Equal(Severity.Warning, warning.Severity);
        page.WaitFor(() => Assert.Equal(["b.wav"], page.Cut.FindAll("[data-testid=queue-item] .queue-name").Select(n => n.TextContent)));
    }

    [Fact]
    public async Task Export_DownloadsTheTranscriptOnScreen_NamedAfterItsFile()
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx);
        IReadOnlyList<TranscriptResult> finals = [Result("r1", "kept words", partial: false)];
        new HistoryEntry("h1", "interview.m4a", DateTimeOffset.UtcNow, 1, "Scripted", finals).ShowIn(page.Session);
        page.WaitFor(() => Assert.NotNull(page.Cut.Find("[data-testid=export-srt]")));

        await page.ClickAsync("[data-testid=export-srt]");

        var download = page.Transcript.VerifyInvoke("download");
        Assert.Equal(["interview.srt", ExportFormats.MediaType(ExportFormat.Srt), TranscriptExporter.Export(finals, ExportFormat.Srt)], download.Arguments);
    }

    [Theory]
    [InlineData(true, "Copied to the clipboard.", Severity.Success)]
    [InlineData(false, "The browser did not allow copying; use TXT instead.", Severity.Warning)]
    public async Task Copy_PutsTheTextOnTheClipboard_AndSaysHowItWent(bool allowed, string message, Severity severity)
    {
        await using var ctx = ComponentContexts.WithMud();
        var page = await Page.OpenAsync(ctx);
        page.Transcript.Setup<bool>("copyText", _ => true).SetResult(allowed);
        IReadOnlyList<TranscriptResult> finals = [Result("r1", "kept words", partial: false)];
        new HistoryEntry("h1", "notes.wav", DateTimeOffset.UtcNow, 1, "Scripted", finals).ShowIn(page.Session);
        page.WaitFor(() => Assert.NotNull(page.Cut.Find("[data-testid=copy]")));

        await page.ClickAsync("[data-testid=copy]");

        Assert.Equal([TranscriptExporter.Text(finals)], page.Transcript.VerifyInvoke("copyText").Arguments);
        page.WaitFor(() => Assert.Contains(page.Snackbar.ShownSnackbars, s => s.Message == message && s.Severity == severity));
    }
}
