using System.Diagnostics;
using System.Net;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;
using Xunit.Abstractions;

namespace TranscribeBlazor.Tests.Cluster;

/// <summary>
/// Two published instances behind nginx (deploy/nginx.conf: cookie affinity, WebSocket upgrade) with the
/// key ring in Redis, as scripts/rehearse-cluster.sh starts them, seen from Chromium through nginx.
/// The instances run with Transcription:MaxRunsPerClient=1 and ForwardedHeaders:KnownProxies=127.0.0.1.
/// </summary>
[Trait(Category.Name, Category.Cluster)]
public sealed class ClusterTests(ClusterFixture cluster, ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    internal static FilePayload Utterance(string name) =>
        new() { Name = name, MimeType = "audio/wav", Buffer = File.ReadAllBytes(TestAssets.LibriVox()[1].Path) };

    /// <summary>The five LibriVox utterances three times over: ~90 s of speech, a run that lasts long enough to be interrupted.</summary>
    /// <summary>The five LibriVox utterances <paramref name="times"/> over (30 s each time).</summary>
    internal static FilePayload LongRecording(string name, int times = 3)
    {
        var once = TestAssets.ReadPcm16(TestAssets.JoinedLibriVoxWav(out _));
        return new() { Name = name, MimeType = "audio/wav", Buffer = WavBuilder.Pcm16([.. Enumerable.Repeat(once, times).SelectMany(s => s)], 16_000, 1) };
    }

    internal static Task DoneAsync(IPage page, string name, int timeoutMs = 90_000) =>
        Assertions.Expect(page.Locator("[data-testid=transcript][data-state=done]", new() { HasText = name })).ToHaveCountAsync(1, new() { Timeout = timeoutMs });

    [ClusterFact]
    public async Task EachInstance_IsReady_AndNginxServesTheApp()
    {
        Assert.Equal(2, ClusterFixture.Instances.Count);
        foreach (var (address, _) in ClusterFixture.Instances)
        {
            using var ready = await cluster.Http.GetAsync($"http://{address}/readyz");
            string body = await ready.Content.ReadAsStringAsync();
            output.WriteLine($"{address}/readyz: {(int)ready.StatusCode} {body}");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("\"status\":\"Healthy\"", body);
        }
        using var page = await cluster.Http.GetAsync(new Uri(ClusterFixture.Nginx!, "/"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"drop-zone\"", await page.Content.ReadAsStringAsync());
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tb_affinity=", StringComparison.Ordinal));
    }

    [ClusterFact]
    public async Task AFile_Transcribes_AndItsHistory_SavedThroughOneInstance_OpensThroughTheOther()
    {
        var first = await cluster.OpenAsync();
        string writer = first.Instance;
        await first.Page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("young man.wav"));
        await DoneAsync(first.Page, "young man.wav");
        Assert.Contains("young man", string.Join(' ', await first.Page.Locator("[data-testid=final]").AllInnerTextsAsync()));
        await Assertions.Expect(first.Page.Locator("[data-testid=history-item]")).ToHaveCountAsync(1);

        // Drop the affinity cookie until nginx picks the other instance (each try is a fair coin: 20 tries fail once in a million).
        int tries = 0;
        do
        {
            Assert.True(++tries <= 20, $"nginx kept choosing {writer} for 20 fresh cookies");
            await first.Context.ClearCookiesAsync();
            await first.LoadAsync(() => first.Page.ReloadAsync());
        }
        while (first.Instance == writer);
        output.WriteLine($"history written through {writer}, read through {first.Instance} after {tries} cookie drop(s)");

        var history = first.Page.Locator("[data-testid=history-item]");
        await Assertions.Expect(history).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        Assert.Equal(0, await first.Page.Locator("[data-testid=history-message]").CountAsync()); // "cannot be read" if the keys differed
        await history.Locator("[data-testid=history-open]").ClickAsync();
        await Assertions.Expect(first.Page.Locator("[data-testid=final]").First).ToContainTextAsync("young man");
    }

    [ClusterFact]
    public async Task TwoBrowsers_FromTwoAddresses_AreTwoClients_AndOneAddress_StaysOneClient()
    {
        await using var fromTwo = new TcpRelay(IPAddress.Parse("127.0.0.2"), ClusterFixture.NginxEndPoint);
        await using var fromThree = new TcpRelay(IPAddress.Parse("127.0.0.3"), ClusterFixture.NginxEndPoint);
        var p = await cluster.OpenAsync(fromTwo.Address);
        // The same affinity cookie puts the others on p's instance: the per-client cap is counted per instance.
        var affinity = (await p.Context.CookiesAsync()).Where(c => c.Name == "tb_affinity")
            .Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }).ToList();
        Assert.Single(affinity);
        var q = await cluster.OpenAsync(fromThree.Address, affinity);
        var r = await cluster.OpenAsync(fromTwo.Address, affinity);
        Assert.Equal(p.Instance, q.Instance);
        Assert.Equal(p.Instance, r.Instance);

        await p.Page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(LongRecording("long.wav"));
        await Assertions.Expect(p.Page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "running", new() { Timeout = 30_000 });

        // 127.0.0.3 is another client: its file runs although 127.0.0.2 has its one run (MaxRunsPerClient=1).
        await q.Page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("from three.wav"));
        await DoneAsync(q.Page, "from three.wav");
        Assert.Contains("young man", string.Join(' ', await q.Page.Locator("[data-testid=final]").AllInnerTextsAsync()));

        // A second browser from 127.0.0.2 is the same client as the first: refused by the cap while that run lasts.
        await Assertions.Expect(p.Page.Locator("[data-testid=transcript]")).ToHaveAttributeAsync("data-state", "running");
        await r.Page.Locator(BrowserFixture.FileInput).SetInputFilesAsync(Utterance("from two again.wav"));
        await Assertions.Expect(r.Page.Locator("[data-testid=error]")).ToContainTextAsync("You already have 1 transcription running", new() { Timeout = 15_000 });
        output.WriteLine($"all three on {p.Instance}: 127.0.0.3 ran beside 127.0.0.2's run; a second browser from 127.0.0.2 was refused by the per-client cap");
        await p.Page.Locator("[data-testid=cancel]").ClickAsync();
        await Assertions.Expect(p.Page.Locator("[data-testid=transcript]")).Not.ToHaveAttributeAsync("data-state", "running");
        foreach (var each in new[] { p, q, r }) await each.Context.CloseAsync();
    }
}
