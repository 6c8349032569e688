using TranscribeBlazor.Engines;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// What one run transcribes (a dropped file, a live recording), with the engine and options chosen for it.
/// Each kind opens its own audio; <see cref="Name"/> is only shown, never used as a path.
/// </summary>
public abstract record RunInput(string Name, string? EngineId, TranscriptionRequest? Request)
{
    /// <summary>Names the input while it waits, and its run once it starts (<see cref="SessionSnapshot.RunId"/>).</summary>
    public string Id { get; } = Guid.NewGuid().ToString("N");

    /// <summary>What the panel says before the audio is open.</summary>
    internal abstract string OpeningMessage { get; }

    /// <summary>A recording's state before its audio is open; null for files.</summary>
    internal virtual LiveStatus? LiveAtStart => null;

    /// <summary>Opens the audio for the engine (a bad file fails here). What it returns owns everything it opened.</summary>
    internal abstract Task<OpenedInput> OpenAsync(RunContext context, CancellationToken cancellationToken);

    /// <summary>The run is over, however it ended and whether or not the input was opened: let go of what the input holds.</summary>
    internal virtual void Release()
    {
    }
}
