namespace TranscribeBlazor.Uploads;

/// <summary>The spool directory cannot be trusted with uploads (another user's, a symlink, not a directory); the app does not start.</summary>
public sealed class SpoolDirectoryException(string directory, string problem)
    : IOException($"The upload spool directory {directory} {problem}, so uploads cannot be kept private there. Remove it (the app creates it again, private), or set Transcription:SpoolDirectory to a directory of your own.")
{
    public string Directory { get; } = directory;
}
