namespace TranscribeBlazor.Hosting;

/// <summary>
/// Configuration section <c>DataProtection</c>. History and settings live in the browser encrypted
/// with the server's Data Protection keys; instances behind one load balancer must share the key ring
/// (and the application name) or each sees the others' data as corrupt.
/// </summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A directory every instance mounts (a volume, a file share); unset keeps ASP.NET Core's per-user default.</summary>
    public string? KeyDirectory { get; set; }

    /// <summary>
    /// A StackExchange.Redis connection string (<c>redis:6379,password=...</c>): the key ring lives in that
    /// Redis under <see cref="RedisKey"/>, which every instance reaches. It holds a secret, so only its
    /// endpoints are ever printed.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The Redis list holding the keys; instances sharing a ring use the same one.</summary>
    public string RedisKey { get; set; } = "TranscribeBlazor-DataProtection-Keys";

    /// <summary>Isolates this app's protected data from other apps sharing the key ring.</summary>
    public string ApplicationName { get; set; } = "TranscribeBlazor";
}
