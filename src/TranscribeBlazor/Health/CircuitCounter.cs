using Microsoft.AspNetCore.Components.Server.Circuits;

namespace TranscribeBlazor.Health;

/// <summary>Keeps <see cref="CircuitCount"/> as circuits open and close (one handler per circuit).</summary>
public sealed class CircuitCounter(CircuitCount circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        return Task.CompletedTask;
    }
}
