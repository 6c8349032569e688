namespace TranscribeBlazor.Hosting;

/// <summary>
/// Headers on every response. The policy allows exactly what the page uses: our own scripts (no inline
/// script, no eval), inline styles (MudBlazor needs them: its theme provider writes the palette as a
/// &lt;style&gt; element, and its components set style attributes such as a progress bar's width and a
/// popover's position), the circuit's WebSocket to this host, and blob: audio for the player, which
/// plays the user's file from the browser's own copy.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the response starts, so a header some later middleware also adds (static files add nosniff) is there once.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY"; // frame-ancestors, for browsers that predate it
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), geolocation=(), microphone=(self)";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
