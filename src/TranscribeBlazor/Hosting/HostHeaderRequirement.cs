namespace TranscribeBlazor.Hosting;

/// <summary>
/// Answers a request without a Host header (HTTP/1.0 allows one) with 400. The page and its circuit are
/// addressed by the host; without one Blazor fails deep inside with a 500 and about 5 KB of stack trace in
/// the log per request, which makes the log an easy thing to flood.
/// </summary>
public static class HostHeaderRequirement
{
    public const string Message = "A Host header is required.";

    public static IApplicationBuilder UseHostHeaderRequirement(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Host.HasValue) return next(context);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(Message);
    });
}
