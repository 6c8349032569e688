namespace TranscribeBlazor.Engines;

/// <summary>
/// Where a run waiting for a recogniser stands. <paramref name="Place"/> 1 = next, 0 = its turn has come.
/// </summary>
/// <param name="Held">Recognisers the run's own client (its other tabs or windows) holds now.</param>
/// <param name="Capacity">Recognisers on the server.</param>
/// <param name="OthersAhead">Runs of other clients that get one before this run (they hold fewer).</param>
/// <param name="AtCap">The client holds as many as one client may: this run waits for one of its own to end.</param>
public readonly record struct QueuePlace(int Place, int Held = 0, int Capacity = 0, int OthersAhead = 0, bool AtCap = false)
{
    /// <summary>The run's turn has come.</summary>
    public static QueuePlace Turn => default;
}
