using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using TranscribeBlazor.Api;
using TranscribeBlazor.Components;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Health;

namespace TranscribeBlazor.Hosting;

public static class WebAppExtensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddTranscribeBlazor(this WebApplicationBuilder builder)
    {
        // `dotnet run` serves wwwroot (at the repository root) and package assets from the build's
        // manifest; ASP.NET Core only reads it in Development unless asked. Published output has no
        // such manifest, so this changes nothing there.
        builder.WebHost.UseStaticWebAssets();
        // The app takes files over the circuit's WebSocket, never in request bodies: none needs more than this.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Blazor's own circuit limits (how long and how many disconnected circuits are kept for a
        // reconnect) can be set from configuration, e.g. Circuits__DisconnectedCircuitRetentionPeriod=00:01:00.
        builder.Services.Configure<Microsoft.AspNetCore.Components.Server.CircuitOptions>(builder.Configuration.GetSection("Circuits"));
        builder.Services.AddMudServices();
        builder.Services.AddTranscription();
        builder.Services.AddHealthEndpoints();
        builder.Services.AddTranscriptionApi();
        builder.Services.AddTrustedProxies();
        var keyRing = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName(keyRing.ApplicationName);
        if (!string.IsNullOrWhiteSpace(keyRing.KeyDirectory) && !string.IsNullOrWhiteSpace(keyRing.Redis))
            throw new StartupSettingException($"{KeyRingOptions.Section}:KeyDirectory and {KeyRingOptions.Section}:Redis are both set: keep the key ring in one place.");
        if (!string.IsNullOrWhiteSpace(keyRing.Redis))
            dataProtection.PersistKeysToRedis(keyRing);
        else if (!string.IsNullOrWhiteSpace(keyRing.KeyDirectory))
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyRing.KeyDirectory));
        return builder;
    }

    public static WebApplication UseTranscribeBlazor(this WebApplication app)
    {
        ReserveThreadsForDecoders(app.Services.GetRequiredService<IOptions<PocketSphinxOptions>>().Value.MaxDecoders);
        app.UseTrustedProxies();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection(); // only where an HTTPS port is configured; behind a TLS-terminating proxy it stays quiet
        }
        app.UseSecurityHeaders();
        app.UseHostHeaderRequirement(); // after the headers, so its 400 carries them too
        app.UseAntiforgery();
        app.MapHealthEndpoints();
        app.MapTranscriptionApi();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// A PocketSphinx decode keeps a pool thread busy for as long as its audio keeps coming (a whole
    /// uploaded file). On a 2-core machine two of them would take the pool's every thread, and the
    /// circuits' own work (events, renders, upload chunks) would wait for the pool's slow thread injection.
    /// </summary>
    public static void ReserveThreadsForDecoders(int decoders)
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + decoders), io);
    }
}
