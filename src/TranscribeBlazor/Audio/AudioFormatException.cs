namespace TranscribeBlazor.Audio;

/// <summary>
/// The input is not audio we can read. <see cref="Exception.Message"/> is written for the person who
/// dropped the file: the UI and the CLI show it as it is.
/// </summary>
public sealed class AudioFormatException(AudioError error, string message) : Exception(message)
{
    public AudioError Error { get; } = error;
}
