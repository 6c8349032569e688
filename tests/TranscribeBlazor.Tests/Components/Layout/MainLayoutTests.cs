using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using TranscribeBlazor.Components.Layout;
using TranscribeBlazor.Settings;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components.Layout;

[Trait(Category.Name, Category.Unit)]
public sealed class MainLayoutTests
{
    /// <summary>The IsDarkMode the layout gave the theme provider (a test may read the parameter it set; MUD0012 guards components).</summary>
#pragma warning disable MUD0012
    private static bool IsDark(IRenderedComponent<MudThemeProvider> theme) => theme.Instance.IsDarkMode;
#pragma warning restore MUD0012

    private static IRenderedComponent<MainLayout> RenderLayout(BunitContext ctx) =>
        ctx.Render<MainLayout>(p => p.Add(x => x.Body, "<p id=\"page\">the page</p>"));

    [Fact]
    public async Task TheThemeSwitch_TurnsTheDarkThemeOnAndOff_AndRemembersIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var app = AppServices.AddTo(ctx, [new FakeEngine("local", "Local")]);
        var settings = ctx.Services.GetRequiredService<SettingsState>();
        var cut = RenderLayout(ctx);
        var theme = cut.FindComponent<MudThemeProvider>();
        Assert.False(IsDark(theme));
        Assert.Equal("the page", cut.Find("#page").TextContent);

        await cut.Find("[data-testid=theme]").ChangeAsync(true);

        Assert.True(settings.Current.DarkTheme);
        cut.WaitForAssertion(() => Assert.True(IsDark(theme)));
        Assert.Equal("true", cut.Find("[data-testid=theme]").GetAttribute("aria-checked"));
        Assert.True((await new SettingsStore(app.Storage, NullLogger<SettingsStore>.Instance).LoadAsync()).DarkTheme);

        await cut.Find("[data-testid=theme]").ChangeAsync(false);

        Assert.False(settings.Current.DarkTheme);
        cut.WaitForAssertion(() => Assert.False(IsDark(theme)));
    }

    [Fact]
    public async Task ARememberedDarkTheme_AppliesOnceTheSettingsLoad()
    {
        await using var ctx = ComponentContexts.WithMud();
        var app = AppServices.AddTo(ctx, [new FakeEngine("local", "Local")]);
        await new SettingsStore(app.Storage, NullLogger<SettingsStore>.Instance).SaveAsync(UserSettings.Default with { DarkTheme = true });

        var cut = RenderLayout(ctx);

        cut.WaitForAssertion(() => Assert.True(IsDark(cut.FindComponent<MudThemeProvider>())), TimeSpan.FromSeconds(5));
        Assert.Equal("true", cut.Find("[data-testid=theme]").GetAttribute("aria-checked"));
    }
}
