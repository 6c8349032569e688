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

    /// <summary>Isolates this app's protected data from other apps sharing the key ring.</summary>
    public string ApplicationName { get; set; } = "TranscribeBlazor";
}
