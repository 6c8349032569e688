using Bunit;
using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Components.Recording;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components.Recording;

[Trait(Category.Name, Category.Unit)]
public sealed class RecordControlTests
{
    /// <summary>The control with the app's services; the browser's microphone module answers <c>problem</c> with <paramref name="problem"/>.</summary>
    private static (AppServices App, BunitJSInterop Microphone) Arrange(BunitContext ctx, string? problem = null)
    {
        var app = AppServices.AddTo(ctx, [new ScriptedEngine()]);
        var microphone = ctx.JSInterop.SetupModule("./js/microphone.js");
        microphone.Setup<string?>("problem").SetResult(problem);
        microphone.SetupVoid("stop").SetVoidResult();
        return (app, microphone);
    }

    [Fact]
    public async Task WhenTheBrowserCannotRecord_RecordIsDisabled_AndTheHintSaysWhy()
    {
        await using var ctx = ComponentContexts.WithMud();
        Arrange(ctx, problem: "insecure");
        var cut = ctx.Render<RecordControl>();

        cut.WaitForAssertion(() => Assert.Equal(MicrophoneMessages.CannotStart("insecure"), cut.Find("#recorder-hint").Text()), TimeSpan.FromSeconds(5));
        Assert.Equal("Recording needs a secure connection: open this page over HTTPS (or on localhost).", cut.Find("#recorder-hint").Text());
        var record = cut.Find("[data-testid=record]");
        Assert.True(record.HasAttribute("disabled"));
        Assert.Equal("recorder-hint", record.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task WhenTheBrowserCanRecord_RecordIsEnabled()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (_, microphone) = Arrange(ctx);
        var cut = ctx.Render<RecordControl>();

        cut.WaitForAssertion(() => microphone.VerifyInvoke("problem"), TimeSpan.FromSeconds(5));
        var record = cut.Find("[data-testid=record]");
        Assert.False(record.HasAttribute("disabled"));
        Assert.Equal("Record", record.Text());
        Assert.Equal("Or transcribe live from your microphone.", cut.Find("#recorder-hint").Text());
        Assert.Empty(cut.FindAll("[data-testid=stop-recording]"));
    }

    [Fact]
    public async Task WhileAFileIsTranscribed_RecordWaitsForIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        Arrange(ctx);
        var cut = ctx.Render<RecordControl>(p => p.Add(x => x.Busy, true));

        Assert.True(cut.Find("[data-testid=record]").HasAttribute("disabled"));
        Assert.Equal("Recording can start once the current transcription ends.", cut.Find("#recorder-hint").Text());
    }

    [Fact]
    public async Task WhileListening_ShowsStop_TheLevel_AndTheLengthRecorded()
    {
        await using var ctx = ComponentContexts.WithMud();
        Arrange(ctx);
        var cut = ctx.Render<RecordControl>(p => p
            .Add(x => x.Live, new LiveStatus(Listening: true, Level: 0.42, SecondsRecorded: 75.3, BacklogSeconds: 0.2))
            .Add(x => x.Busy, true));

        Assert.Empty(cut.FindAll("[data-testid=record]"));
        Assert.False(cut.Find("[data-testid=stop-recording]").HasAttribute("disabled"));
        var level = cut.Find("[data-testid=level]");
        Assert.Equal("0.42", level.GetAttribute("value"));
        Assert.Equal("Microphone level", level.GetAttribute("aria-label"));
        Assert.Equal("1:15.3", cut.Find("[data-testid=recorded]").Text());
        Assert.Empty(cut.FindAll("[data-testid=behind]"));
    }

    [Fact]
    public async Task WhenTheTranscriptFallsBehind_TheUserIsTold_HowFarAndWhereItStops()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (app, _) = Arrange(ctx);
        var cut = ctx.Render<RecordControl>(p => p.Add(x => x.Live, new LiveStatus(true, 0.5, 10, BacklogSeconds: 4.2)));

        var behind = cut.Find("[data-testid=behind]");
        Assert.Equal("status", behind.GetAttribute("role"));
        double limit = app.Settings.MicrophoneLimits.MaxBacklogSeconds;
        Assert.Equal($"The server is busy: the transcript is 4.2 s behind your voice. Recording stops if it falls {limit:0} s behind.", behind.Text());
    }

    [Fact]
    public async Task OnceListeningEnds_RecordComesBack()
    {
        await using var ctx = ComponentContexts.WithMud();
        Arrange(ctx);
        var cut = ctx.Render<RecordControl>(p => p.Add(x => x.Live, new LiveStatus(false, 0, 10, 3)).Add(x => x.Busy, true));

        Assert.Empty(cut.FindAll("[data-testid=stop-recording]"));
        Assert.Empty(cut.FindAll("[data-testid=behind]"));
        Assert.True(cut.Find("[data-testid=record]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Stop_AsksTheBrowserToStopCapturing()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (_, microphone) = Arrange(ctx);
        var cut = ctx.Render<RecordControl>(p => p.Add(x => x.Live, new LiveStatus(true, 0.5, 3, 0)));
        cut.WaitForAssertion(() => microphone.VerifyInvoke("problem"), TimeSpan.FromSeconds(5));

        cut.Find("[data-testid=stop-recording]").Click();

        cut.WaitForAssertion(() => microphone.VerifyInvoke("stop"), TimeSpan.FromSeconds(5));
    }
}
