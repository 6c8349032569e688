using System.ComponentModel.DataAnnotations;
using System.Net;

namespace TranscribeBlazor.Health;

/// <summary>Who may read <c>/metrics</c> and how it reads memory (section <c>Metrics</c>).</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Run a full garbage collection before the memory figures (soak tests; off in production).</summary>
    public bool CollectBeforeReading { get; set; }

    /// <summary>
    /// Networks besides loopback that may read <c>/metrics</c> (CIDR, e.g. "10.0.0.0/8" for a scraper in the
    /// cluster). Empty by default: what the process holds is an attacker's map of how close it is to its limits.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    public bool Allows(IPAddress? client)
    {
        if (client is null) return false;
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        return IPAddress.IsLoopback(client) || AllowedNetworks.Any(n => IPNetwork.Parse(n).Contains(client));
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        AllowedNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n =>
            new ValidationResult($"Metrics:AllowedNetworks: \"{n}\" is not a network in CIDR form (like 10.0.0.0/8 or fd00::/8).", [nameof(AllowedNetworks)]));
}
