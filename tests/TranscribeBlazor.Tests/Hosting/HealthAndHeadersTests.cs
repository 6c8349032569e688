using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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

    [PocketSphinxFact]
    public async Task Metrics_ShowWhatTheProcessHolds()
    {
        if (!Tools.FfmpegAvailable) Assert.Fail("ffmpeg is needed for the child process the metrics must see (.ci/run installs it)");
        // Three decoders allowed and none made until /readyz makes the one it proves; no browser, so no circuit.
        await using var app = new ConfiguredAppServer(new() { ["Transcription:PocketSphinx:MaxDecoders"] = "3" });
        await app.InitializeAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        async Task<JsonElement> MetricsAsync() => JsonDocument.Parse(await http.GetStringAsync("/metrics")).RootElement.Clone();

        var fresh = await MetricsAsync();
        Assert.Equal(0, fresh.GetProperty("circuits").GetInt32());
        Assert.Equal(0, fresh.GetProperty("transcriptionsActive").GetInt32());
        Assert.Equal("created 0, idle 0, waiting 0, capacity 3", Decoders(fresh));
        using (var ready = await http.GetAsync("/readyz"))
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("created 1, idle 1, waiting 0, capacity 3", Decoders(await MetricsAsync()));

        // The app shares this test process (and other classes' ffmpeg children), so what is known is what
        // this test holds: the listener, both ends of its connection, and an ffmpeg child of its own.
        var start = new System.Diagnostics.ProcessStartInfo("ffmpeg", "-hide_banner -loglevel quiet -f s16le -i pipe:0 -f null -") { RedirectStandardInput = true };
        using var ffmpeg = System.Diagnostics.Process.Start(start)!;
        try
        {
            var process = (await MetricsAsync()).GetProperty("process");
            int sockets = process.GetProperty("sockets").GetInt32(), children = process.GetProperty("childProcesses").GetInt32();
            Assert.InRange(sockets, 3, int.MaxValue);
            Assert.InRange(process.GetProperty("fileDescriptors").GetInt32(), sockets + 3, int.MaxValue); // and stdin, stdout, stderr
            Assert.InRange(process.GetProperty("ffmpegProcesses").GetInt32(), 1, children);
            Assert.InRange(process.GetProperty("workingSetBytes").GetInt64(), Environment.WorkingSet / 2, Environment.WorkingSet * 2);
        }
        finally
        {
            ffmpeg.Kill();
            await ffmpeg.WaitForExitAsync();
        }
    }

    private static string Decoders(JsonElement metrics)
    {
        var d = metrics.GetProperty("decoders");
        return $"created {d.GetProperty("created")}, idle {d.GetProperty("idle")}, waiting {d.GetProperty("waiting")}, capacity {d.GetProperty("capacity")}";
    }

    /// <summary>The app plus an endpoint that reads its whole body: none of the app's own reads one, so the limit would go unseen.</summary>
    private sealed class BodyReadingAppServer : AppServer
    {
        public const string Endpoint = "/test/read-body";

        protected override void Configure(IWebHostBuilder builder) =>
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ReadBody()));

        private sealed class ReadBody : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Map(Endpoint, branch => branch.Run(async context =>
                {
                    using var body = new MemoryStream();
                    await context.Request.Body.CopyToAsync(body, context.RequestAborted);
                    await context.Response.WriteAsync(body.Length.ToString());
                }));
                next(app);
            };
        }
    }

    [Fact]
    public async Task EveryEndpoint_TakesAtMostOneMegabyteOfBody()
    {
        // Files come over the circuit's WebSocket in 32 KB messages; no endpoint needs a large body.
        await using var app = new BodyReadingAppServer();
        await app.InitializeAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress };

        using (var atTheLimit = await http.PostAsync(BodyReadingAppServer.Endpoint, new ByteArrayContent(new byte[1024 * 1024])))
        {
            Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
            Assert.Equal("1048576", await atTheLimit.Content.ReadAsStringAsync());
        }
        using var over = await http.PostAsync(BodyReadingAppServer.Endpoint, new ByteArrayContent(new byte[1024 * 1024 + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode); // Kestrel refuses at the first read: the declared length is over
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
