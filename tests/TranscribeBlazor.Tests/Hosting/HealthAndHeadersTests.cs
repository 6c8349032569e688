using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Hosting;

[Trait(Category.Name, Category.Engine)]
public sealed class HealthAndHeadersTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, ConfiguredAppServer App)> ReadyzAsync(Dictionary<string, string> settings)
    {
        var app = new ConfiguredAppServer(settings);
        await app.InitializeAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        using var response = await http.GetAsync("/readyz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, app);
    }

    [PocketSphinxFact]
    public async Task Healthz_AnswersWithoutTouchingTheEngines_AndReadyz_ProvesADecoderCanBeMade()
    {
        await using var app = new ConfiguredAppServer([]);
        await app.InitializeAsync();
        var pool = app.Services.GetRequiredService<DecoderPool>();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using (var live = await http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, pool.Created);

        using var ready = await http.GetAsync("/readyz");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(1, pool.Created); // made once, then left idle for the first session
        Assert.Equal(1, pool.Idle);
        Assert.Equal("pocketsphinx", body.GetProperty("checks").GetProperty("engines").GetProperty("data").GetProperty("defaultEngine").GetString());
    }

    [PocketSphinxFact]
    public async Task Readyz_WithoutTheAcousticModel_Is503_AndSaysWhy()
    {
        var (status, body, app) = await ReadyzAsync(new() { ["Transcription:PocketSphinx:ModelDirectory"] = "/nonexistent/model" });
        await using var _ = app;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.Contains("/nonexistent/model", body.GetProperty("checks").GetProperty("engines").GetProperty("description").GetString());
    }

    [PocketSphinxFact]
    public async Task Readyz_WithoutFfmpeg_IsDegraded_ButStillServes()
    {
        var (status, body, app) = await ReadyzAsync(new() { ["Transcription:FfmpegPath"] = "/nonexistent/ffmpeg" });
        await using var _ = app;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", body.GetProperty("status").GetString());
        Assert.Contains("only WAV", body.GetProperty("checks").GetProperty("engines").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Metrics_ShowWhatTheProcessHolds()
    {
        await using var app = new ConfiguredAppServer([]);
        await app.InitializeAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        var metrics = JsonDocument.Parse(await http.GetStringAsync("/metrics")).RootElement;
        var process = metrics.GetProperty("process");
        Assert.InRange(process.GetProperty("fileDescriptors").GetInt32(), 3, 100_000);
        Assert.InRange(process.GetProperty("sockets").GetInt32(), 1, 100_000); // at least the listener
        // This test process also runs other classes' ffmpeg children; the soak (its own app process) asserts zero.
        Assert.InRange(process.GetProperty("ffmpegProcesses").GetInt32(), 0, process.GetProperty("childProcesses").GetInt32());
        Assert.InRange(process.GetProperty("workingSetBytes").GetInt64(), 1L << 20, 64L << 30);
        Assert.Equal(0, metrics.GetProperty("transcriptionsActive").GetInt32());
        Assert.Equal(app.Services.GetRequiredService<DecoderPool>().Capacity, metrics.GetProperty("decoders").GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task EveryEndpoint_TakesAtMostOneMegabyteOfBody()
    {
        // Files come over the circuit's WebSocket in 32 KB messages; no endpoint needs a large body.
        await using var app = new ConfiguredAppServer([]);
        await app.InitializeAsync();
        var kestrel = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value;
        Assert.Equal(1024 * 1024, kestrel.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        await using var app = new ConfiguredAppServer([]);
        await app.InitializeAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        foreach (string path in new[] { "/", "/healthz", "/js/transcript.js", "/no-such-page" })
            await AssertHeadersAsync(http, path);
    }

    private static async Task AssertHeadersAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
