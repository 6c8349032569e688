using TranscribeBlazor.Engines;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// What one run transcribes (a dropped file, a live recording), with the engine and options chosen for it.
/// <see cref="Name"/> is only shown, never used as a path.
/// </summary>
public abstract record RunInput(string Name, string? EngineId, TranscriptionRequest? Request)
{
    /// <summary>Names the input while it waits, and its run once it starts (<see cref="SessionSnapshot.RunId"/>).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");
}
