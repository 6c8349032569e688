using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Hosting;

/// <summary>
/// Section <c>ForwardedHeaders</c>: the proxies (nginx, a load balancer) whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the app believes. Per-client caps, <c>/metrics</c> access and HSTS then see the
/// browser's address and scheme; the same headers from anyone else are ignored, so a client cannot
/// claim another's address (or loopback's) to dodge its cap.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the trusted proxies, e.g. "127.0.0.1" for an nginx on the same host.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. "10.0.0.0/8" for an ingress in the cluster.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p =>
            new ValidationResult($"{Section}:KnownProxies: \"{p}\" is not an IP address (like 127.0.0.1 or ::1).", [nameof(KnownProxies)]))
        .Concat(KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)).Select(n =>
            new ValidationResult($"{Section}:KnownNetworks: \"{n}\" is not a network in CIDR form (like 10.0.0.0/8 or fd00::/8).", [nameof(KnownNetworks)])));

    /// <summary>
    /// ASP.NET Core's middleware trusting exactly these proxies (its default trusts loopback). One hop:
    /// nginx appends the address it saw to whatever the client sent, so only the last entry is nginx's own word.
    /// </summary>
    public void Apply(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        forwarded.ForwardLimit = 1;
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var p in KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(p));
        foreach (var n in KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
    }
}

public static class ProxyExtensions
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) => proxies.Value.Apply(forwarded));
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme. Off when no proxy is configured.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled ? app.UseForwardedHeaders() : app;
}
