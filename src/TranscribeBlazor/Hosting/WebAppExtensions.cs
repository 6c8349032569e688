using Radzen;
using TranscribeBlazor.Components;

namespace TranscribeBlazor.Hosting;

public static class WebAppExtensions
{
    public static WebApplicationBuilder AddTranscribeBlazor(this WebApplicationBuilder builder)
    {
        // `dotnet run` serves wwwroot (at the repository root) and package assets from the build's
        // manifest; ASP.NET Core only reads it in Development unless asked. Published output has no
        // such manifest, so this changes nothing there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddTranscription();
        return builder;
    }

    public static WebApplication UseTranscribeBlazor(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
