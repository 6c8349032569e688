using System.Text.Json;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines.PocketSphinx;

namespace TranscribeBlazor.Health;

/// <summary>
/// <c>/healthz</c> (the process answers) and <c>/readyz</c> (it can transcribe), for orchestrators and the
/// container's HEALTHCHECK; <c>/metrics</c>, what the process holds.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public const string ForbiddenMessage = "/metrics is served to loopback and to the networks in Metrics:AllowedNetworks only.";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<ReadinessCheck>("engines", tags: [ReadyTag]);
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CircuitCount>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitCounter>());
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        // Liveness runs no check: a busy decoder must not get the process restarted.
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteJsonAsync,
        });
        // What a soak test or an operator watches for leaks: native decoders, descriptors, sockets, child processes, memory.
        // Only for loopback and the configured networks, judged by the connection's address (behind a proxy, the proxy's).
        app.MapGet("/metrics", (HttpContext context, IOptions<MetricsOptions> options, DecoderPool pool, CircuitCount circuits, Admission.AdmissionControl admission) =>
            !options.Value.Allows(context.Connection.RemoteIpAddress)
                ? Results.Text(ForbiddenMessage, statusCode: StatusCodes.Status403Forbidden)
                : Results.Json(new
                {
                    circuits = circuits.Open,
                    transcriptionsActive = admission.Active,
                    decoders = new { created = pool.Created, idle = pool.Idle, waiting = pool.Waiting, lent = pool.Borrowed, capacity = pool.Capacity },
                    process = ProcessResources.Read(collectFirst: options.Value.CollectBeforeReading),
                }))
            .ExcludeFromDescription(); // for operators, not part of the API for programs
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }, cancellationToken: context.RequestAborted);
    }
}
