using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;

namespace TranscribeBlazor.Settings;

/// <summary>What a user chose in the settings panel; kept per browser.</summary>
public sealed record UserSettings
{
    public static UserSettings Default { get; } = new();

    /// <summary>Engine id; null means the server's default.</summary>
    public string? EngineId { get; init; }

    public StreamSettings Aws { get; init; } = new();

    public bool DarkTheme { get; init; }

    public TranscriptionRequest ToRequest() => new() { Aws = Aws };
}
