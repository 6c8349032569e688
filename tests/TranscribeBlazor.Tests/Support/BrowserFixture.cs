using Microsoft.Playwright;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright (its own browser download is never used) against <see cref="AppServer"/>.</summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>The drop zone's file input that takes the next files (MudFileUpload hides earlier drops' inputs with d-none; they keep their files).</summary>
    public const string FileInput = "[data-testid=drop-zone] input[type=file]:not(.d-none)";

    public BrowserFixture() : this(new AppServer()) { }

    protected BrowserFixture(AppServer app) => App = app;

    public AppServer App { get; }

    public IBrowser Browser { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await App.InitializeAsync();
        if (!File.Exists(TestAssets.Chromium)) return; // the tests skip themselves with the reason
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync(_playwright, BrowserArguments);
    }

    /// <summary>Further Chromium switches for this fixture's browser (a fake microphone, say).</summary>
    protected virtual IEnumerable<string> BrowserArguments => [];

    /// <summary>Debian's Chromium, headless, kept off the network it cannot reach.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, IEnumerable<string>? arguments = null) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = TestAssets.Chromium,
        Headless = true,
        // Without these, Chromium keeps trying to reach Google's hosts, which this network refuses.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--autoplay-policy=no-user-gesture-required", // the player test starts playback from script
               .. arguments ?? []],
    });

    public Task<IPage> NewPageAsync() => OpenAsync(Browser, App.BaseAddress);

    /// <summary>A fresh tab (its own browser context: storage, history) on the app, once its circuit is up.</summary>
    public static async Task<IPage> OpenAsync(IBrowser browser, Uri app)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.ToString(), ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/");
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// The circuit is up and has rendered after its first render: the engine list only arrives then
    /// (it needs the circuit), so from here a click reaches .NET rather than the prerendered page.
    /// </summary>
    public static Task WaitUntilInteractiveAsync(IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('" + FileInput + "') && document.querySelector('[data-testid=settings] input[type=radio]')");

    private const string Background = "() => getComputedStyle(document.body).backgroundColor";

    /// <summary>Flips the light/dark switch and waits until the page's background has changed with it; returns the new colour.</summary>
    public static async Task<string> ToggleThemeAsync(IPage page)
    {
        string before = await page.EvaluateAsync<string>(Background);
        await page.Locator("[data-testid=theme]").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({Background})() !== '{before}'");
        return await page.EvaluateAsync<string>(Background);
    }

    public static string ScreenshotPath(string name)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
