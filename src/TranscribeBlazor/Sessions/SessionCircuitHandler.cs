using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Admission;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// Ties a circuit to its session: records the address the circuit came from (for per-client limits), and
/// cancels the circuit's transcription, emptying its queue, when its browser goes away. A closed tab and a lost network
/// look the same from here, so the run gets <see cref="TranscriptionSessionOptions.DisconnectGraceSeconds"/>
/// to reconnect before its decoder is given back; the circuit itself lingers longer, for Blazor's own
/// reconnection.
/// </summary>
public sealed class SessionCircuitHandler(
    TranscriptionSession session,
    ClientIdentity client,
    IHttpContextAccessor http,
    IOptions<TranscriptionSessionOptions> options,
    TimeProvider time) : CircuitHandler, IDisposable
{
    private ITimer? _grace;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // Runs inside the hub call that starts the circuit, so the context is the circuit's own connection.
        if (http.HttpContext?.Connection.RemoteIpAddress is { } address)
            client.Address = address.ToString();
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromSeconds(options.Value.DisconnectGraceSeconds);
        Interlocked.Exchange(ref _grace, time.CreateTimer(_ => session.CancelAll(), null, grace, Timeout.InfiniteTimeSpan))?.Dispose();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _grace, null)?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => Interlocked.Exchange(ref _grace, null)?.Dispose();
}
