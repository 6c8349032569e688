namespace TranscribeBlazor.Engines;

public sealed record EngineAvailability(bool IsAvailable, string? Reason)
{
    public static EngineAvailability Available { get; } = new(true, null);

    public static EngineAvailability Unavailable(string reason) => new(false, reason);
}
