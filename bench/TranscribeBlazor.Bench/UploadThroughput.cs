using System.Diagnostics;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Bench;

/// <summary>
/// A large file through the real thing: the app in its own process, Debian's Chromium, Blazor's
/// InputFile over the circuit. Timed from handing the file to the page until the page stops showing
/// "uploaded … of …" (the server has every byte), then the run is cancelled.
/// </summary>
public static class UploadThroughput
{
    public const string Chromium = "/usr/bin/chromium";

    public static async Task<(double Seconds, double MegabytesPerSecond)?> MeasureAsync(string wavPath)
    {
        if (!File.Exists(Chromium)) return null;
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = app.BaseAddress.ToString() });
        await page.GotoAsync("/");
        // The drop zone's fresh input, once the circuit has rendered the engine list (as the tests' BrowserFixture waits).
        const string input = "[data-testid=drop-zone] input[type=file]:not(.d-none)";
        await page.WaitForFunctionAsync($"() => window.Blazor && document.querySelector('{input}') && document.querySelector('[data-testid=settings] input[type=radio]')");

        var clock = Stopwatch.StartNew();
        await page.Locator(input).SetInputFilesAsync(wavPath);
        // Done when the progress line is up and no longer counts bytes.
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('.transcript-progress-text'); return p && p.textContent.includes('elapsed') && !p.textContent.includes('uploaded'); }",
            null, new() { Timeout = 600_000, PollingInterval = 50 });
        double seconds = clock.Elapsed.TotalSeconds;
        await page.Locator("[data-testid=cancel]").ClickAsync();
        return (seconds, new FileInfo(wavPath).Length / 1e6 / seconds);
    }
}
