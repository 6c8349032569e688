using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Admission;

/// <summary>
/// Caps transcriptions running or waiting for an engine, server-wide and per client address, so
/// excess load gets "busy, try again" at once instead of slowing everyone down. A decoder pool queue
/// still orders what is admitted; this bounds how long that queue can grow.
/// </summary>
public sealed class AdmissionControl(IOptions<AdmissionOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _perClient = [];
    private int _active;

    /// <summary>Transcriptions admitted and not yet ended.</summary>
    public int Active { get { lock (_gate) return _active; } }

    /// <summary>Admits a run for <paramref name="client"/>, or says why not (and changes nothing).</summary>
    public bool TryAdmit(string client, out IDisposable admission, [NotNullWhen(false)] out AdmissionRefusal? refusal)
    {
        var limits = options.Value;
        lock (_gate)
        {
            int mine = _perClient.GetValueOrDefault(client);
            refusal = _active >= limits.MaxConcurrentRuns
                ? new AdmissionRefusal(ServerFull: true, _active, limits.MaxConcurrentRuns)
                : mine >= limits.MaxRunsPerClient
                    ? new AdmissionRefusal(ServerFull: false, mine, limits.MaxRunsPerClient)
                    : null;
            if (refusal is not null)
            {
                admission = NotAdmitted.Instance;
                return false;
            }
            _active++;
            _perClient[client] = mine + 1;
        }
        admission = new Admitted(this, client);
        return true;
    }

    private void Release(string client)
    {
        lock (_gate)
        {
            _active--;
            if (--_perClient[client] == 0)
                _perClient.Remove(client);
        }
    }

    private sealed class Admitted(AdmissionControl owner, string client) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Release(client);
        }
    }

    private sealed class NotAdmitted : IDisposable
    {
        public static readonly NotAdmitted Instance = new();

        public void Dispose() { }
    }
}
