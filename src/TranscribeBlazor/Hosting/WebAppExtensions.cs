using Radzen;
using TranscribeBlazor.Components;

namespace TranscribeBlazor.Hosting;

public static class WebAppExtensions
{
    public static WebApplicationBuilder AddTranscribeBlazor(this WebApplicationBuilder builder)
    {
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
