using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace TranscribeBlazor.Tests.Support;

/// <summary>This machine's own non-loopback IPv4 address: a server listening there sees requests from here as from outside loopback.</summary>
public static class MachineAddress
{
    public static IPAddress? NonLoopbackIPv4 { get; } = NetworkInterface.GetAllNetworkInterfaces()
        .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
        .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
        .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
}

public sealed class NonLoopbackFactAttribute : FactAttribute
{
    public NonLoopbackFactAttribute()
    {
        if (MachineAddress.NonLoopbackIPv4 is null) Skip = "This machine has no non-loopback IPv4 address to listen on.";
    }
}
