namespace TranscribeBlazor.Admission;

/// <summary>
/// Who a circuit belongs to, for per-client limits: the remote address of its connection (behind a
/// proxy, with forwarded headers enabled, the client's). Set when the circuit opens.
/// </summary>
public sealed class ClientIdentity
{
    public string Address { get; set; } = "unknown";
}
