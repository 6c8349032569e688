using System.Diagnostics;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Cluster;

/// <summary>
/// What losing an instance costs a user, measured: it kills one of the rehearsal's instances, so the
/// script runs this class alone, after <see cref="ClusterTests"/>.
/// </summary>
[Trait(Category.Name, Category.Cluster)]
public sealed class ClusterFailoverTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private const int Browsers = 6;

    [ClusterFact]
    public async Task SessionsSpread_AndKillingTheirInstanceMidRun_SaysSo_KeepsTheScreen_AndTheNextRunLandsOnTheOther()
    {
        var pages = new List<ClusterPage>();
        for (int i = 0; i < Browsers; i++) pages.Add(await cluster.OpenAsync());
        var spread = pages.GroupBy(p => p.Instance).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{Browsers} fresh browsers through nginx: " + string.Join(", ", ClusterFixture.Instances.Select(i => $"{i.Address} {spread.GetValueOrDefault(i.Address)}")));
        foreach (var (address, _) in ClusterFixture.Instances)
            output.WriteLine($"{address}/metrics: {await cluster.Http.GetStringAsync($"http://{address}/metrics")}");

        var user = pages[0];
        var (doomed, pid) = ClusterFixture.Instances.Single(i => i.Address == user.Instance);
        var survivor = ClusterFixture.Instances.Single(i => i.Address != doomed).Address;
        var bystanders = pages.Skip(1).Where(p => p.Instance == doomed).ToList();

        var page = user.Page;
        var finals = page.Locator("[data-testid=final]");
        // 6 minutes: on an instance's two idle recognisers a file runs at ~5× real time, and the kill must come mid-run.
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(ClusterTests.LongRecording("interrupted.wav", times: 12));
        // Some of the run is on screen (finals come in bursts when a file is decoded in pieces at once).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=final]').length >= 3", null, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "running");

        var before = await finals.AllInnerTextsAsync();
        var clock = Stopwatch.StartNew();
        using (var process = Process.GetProcessById(pid)) process.Kill();
        var message = page.Locator("[data-testid=server-lost]");
        await Assertions.Expect(message).ToBeVisibleAsync(new() { Timeout = 60_000 });
        double toMessage = clock.Elapsed.TotalSeconds;
        await page.ScreenshotAsync(new() { Path = BrowserFixture.ScreenshotPath("cluster-server-lost") });

        // What was on screen stays (Blazor's own handler would have reloaded the page), and it can be selected: the notice is not modal.
        var after = await finals.AllInnerTextsAsync();
        Assert.True(after.Count >= before.Count && after.Take(before.Count).SequenceEqual(before), $"before: {before.Count} finals, after: {after.Count}");
        Assert.False(await page.EvaluateAsync<bool>("() => document.getElementById('components-reconnect-modal').matches(':modal')"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start again" })).ToBeFocusedAsync();
        output.WriteLine($"killed {doomed} with {before.Count} finals on screen; the message showed {toMessage:0.0} s later with {after.Count} finals still there");
        foreach (var other in bystanders)
            await Assertions.Expect(other.Page.Locator("[data-testid=server-lost]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        output.WriteLine($"the {bystanders.Count} other browser(s) on {doomed} got the same message within {clock.Elapsed.TotalSeconds:0.0} s");

        await user.LoadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Start again" }).ClickAsync());
        Assert.Equal(survivor, user.Instance);
        await Assertions.Expect(page.Locator("[data-testid=history-item]")).ToHaveCountAsync(0); // the interrupted run never finished, so history has nothing false
        await page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(ClusterTests.Utterance("after the loss.wav"));
        await ClusterTests.DoneAsync(page, "after the loss.wav");
        Assert.Contains("young man", string.Join(' ', await finals.AllInnerTextsAsync()));
        output.WriteLine($"Start again landed on {survivor}; its next run finished there {clock.Elapsed.TotalSeconds:0.0} s after the kill");

        await Assert.ThrowsAsync<HttpRequestException>(() => cluster.Http.GetAsync($"http://{doomed}/readyz")); // really gone
        using var ready = await cluster.Http.GetAsync($"http://{survivor}/readyz");
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
    }
}
