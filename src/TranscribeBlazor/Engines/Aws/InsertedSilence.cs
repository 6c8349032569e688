namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// Keep-alive silence we sent while the source stalled. The service counts it as audio, so its times
/// run ahead of the file's; this maps them back.
/// </summary>
public sealed class InsertedSilence
{
    private readonly List<(double At, double Seconds)> _gaps = [];
    private readonly Lock _gate = new();

    /// <param name="at">Stream time (seconds sent so far) where the silence went in.</param>
    public void Add(double at, double seconds)
    {
        lock (_gate) _gaps.Add((at, seconds));
    }

    /// <summary>Stream time → file time: minus every gap before it; a time inside a gap maps to where it began.</summary>
    public double ToFileTime(double streamTime)
    {
        lock (_gate)
        {
            double shift = 0;
            foreach (var (at, seconds) in _gaps)
            {
                if (streamTime >= at + seconds) shift += seconds;
                else if (streamTime > at) shift += streamTime - at;
            }
            return Math.Round(streamTime - shift, 3);
        }
    }
}
