using Bunit;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TranscribeBlazor.Components.Settings;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Settings;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components.Settings;

[Trait(Category.Name, Category.Unit)]
public sealed class SettingsPanelTests
{
    private const string Local = "local";

    /// <summary>A panel over a local engine (the default), Amazon Transcribe and an engine that cannot run here, with the settings loaded.</summary>
    private static async Task<(AppServices App, SettingsState State)> ArrangeAsync(BunitContext ctx)
    {
        var app = AppServices.AddTo(ctx,
        [
            new FakeEngine(Local, "Local engine"),
            new FakeEngine(AwsTranscribeEngine.EngineId, "Amazon Transcribe"),
            new FakeEngine("gpu", "GPU engine", unavailableReason: "No GPU on this server."),
        ]);
        var state = ctx.Services.GetRequiredService<SettingsState>();
        await state.LoadAsync();
        return (app, state);
    }

    private static IRenderedComponent<SettingsPanel> RenderPanel(BunitContext ctx, bool disabled = false) =>
        ctx.Render<SettingsPanel>(p => p.Add(x => x.DefaultEngineId, Local).Add(x => x.Disabled, disabled));

    private static Task<UserSettings> StoredAsync(AppServices app) => new SettingsStore(app.Storage, NullLogger<SettingsStore>.Instance).LoadAsync();

    [Fact]
    public async Task ListsEveryEngine_WithItsDetail_AndTheDefaultChosen()
    {
        await using var ctx = ComponentContexts.WithMud();
        await ArrangeAsync(ctx);
        var cut = RenderPanel(ctx);

        Assert.Equal(["Local engine", "Amazon Transcribe", "GPU engine"], cut.FindAll(".engine-name").Select(e => e.TextContent));
        Assert.Equal("Runs on this server; audio never leaves it.", cut.Find("[data-testid=engine-detail-local]").TextContent);
        Assert.Equal("No GPU on this server.", cut.Find("[data-testid=engine-detail-gpu]").TextContent);
        Assert.Equal("engine-detail-gpu", cut.Find("[data-testid=engine-gpu]").GetAttribute("aria-describedby"));
        Assert.True(cut.Find("[data-testid=engine-local]").HasAttribute("checked"));
        Assert.False(cut.Find("[data-testid=engine-aws]").HasAttribute("checked"));
        Assert.Empty(cut.FindAll("[data-testid=aws-options]"));
    }

    [Fact]
    public async Task ChoosingAnEngine_AppliesIt_AndRemembersIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (app, state) = await ArrangeAsync(ctx);
        var cut = RenderPanel(ctx);

        await cut.Find("[data-testid=engine-aws]").ClickAsync(new MouseEventArgs());

        Assert.Equal(AwsTranscribeEngine.EngineId, state.Current.EngineId);
        Assert.Equal(AwsTranscribeEngine.EngineId, state.ChosenEngine);
        Assert.Equal(AwsTranscribeEngine.EngineId, (await StoredAsync(app)).EngineId);
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=engine-aws]").HasAttribute("checked")));
        Assert.False(cut.Find("[data-testid=engine-local]").HasAttribute("checked"));
    }

    [Fact]
    public async Task AnEngineThatCannotRunHere_CannotBeChosen()
    {
        await using var ctx = ComponentContexts.WithMud();
        await ArrangeAsync(ctx);
        var cut = RenderPanel(ctx);

        Assert.True(cut.Find("[data-testid=engine-gpu]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=engine-local]").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-testid=engine-aws]").HasAttribute("disabled"));
        Assert.Contains("unavailable", cut.Find("[data-testid=engine-gpu]").Closest(".engine-choice")!.ClassList);
    }

    [Fact]
    public async Task WhileARunIsUnderWay_TheChoicesWait()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (_, state) = await ArrangeAsync(ctx);
        await state.ChangeAsync(state.Current with { EngineId = AwsTranscribeEngine.EngineId });
        var cut = RenderPanel(ctx, disabled: true);

        Assert.Equal(3, cut.FindAll("input[type=radio]").Count(radio => radio.HasAttribute("disabled")));
        Assert.True(cut.Find("[data-testid=aws-speakers]").HasAttribute("disabled"));
        await cut.Find("[data-testid=engine-local]").ClickAsync(new MouseEventArgs());
        Assert.Equal(AwsTranscribeEngine.EngineId, state.Current.EngineId);
    }

    [Fact]
    public async Task ChoosingAmazonTranscribe_ShowsItsOptions_AndLabelSpeakersChangesTheSetting()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (app, state) = await ArrangeAsync(ctx);
        var cut = RenderPanel(ctx);

        await cut.Find("[data-testid=engine-aws]").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=aws-options]")));
        var speakers = cut.Find("[data-testid=aws-speakers]");
        Assert.False(speakers.HasAttribute("disabled"));
        await speakers.ChangeAsync(true);

        Assert.True(state.Current.Aws.ShowSpeakerLabel);
        Assert.True((await StoredAsync(app)).Aws.ShowSpeakerLabel);
        Assert.True(state.Current.ToRequest().Aws!.ShowSpeakerLabel);
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-testid=aws-speakers]").GetAttribute("aria-checked")));

        await cut.Find("[data-testid=aws-speakers]").ChangeAsync(false);
        Assert.False(state.Current.Aws.ShowSpeakerLabel);
    }

    [Fact]
    public async Task RedactingPersonalInformation_ReplacesOnlyMarkingIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (_, state) = await ArrangeAsync(ctx);
        await state.ChangeAsync(state.Current with { EngineId = AwsTranscribeEngine.EngineId });
        var cut = RenderPanel(ctx);

        await cut.Find("[data-testid=aws-identify-pii]").ChangeAsync(true);
        Assert.True(state.Current.Aws.IdentifyPii);
        await cut.Find("[data-testid=aws-redact]").ChangeAsync(true);

        Assert.True(state.Current.Aws.RedactPii);
        Assert.False(state.Current.Aws.IdentifyPii);
        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=aws-identify-pii]").HasAttribute("disabled")));
    }

    [Fact]
    public async Task IdentifyingTheLanguage_OffersCandidates_InsteadOfOneLanguage()
    {
        await using var ctx = ComponentContexts.WithMud();
        var (_, state) = await ArrangeAsync(ctx);
        await state.ChangeAsync(state.Current with { EngineId = AwsTranscribeEngine.EngineId });
        var cut = RenderPanel(ctx);
        Assert.True(cut.Find("input[placeholder='en-US,es-US']").HasAttribute("disabled"));

        await cut.Find("[data-testid=aws-identify]").ChangeAsync(true);

        Assert.True(state.Current.Aws.IdentifyLanguage);
        Assert.Equal("en-US,es-US", state.Current.Aws.LanguageOptions);
        cut.WaitForAssertion(() => Assert.False(cut.Find("input[placeholder='en-US,es-US']").HasAttribute("disabled")));
        Assert.Equal("true", cut.Find("[data-testid=aws-language]").GetAttribute("aria-disabled"));
    }
}
