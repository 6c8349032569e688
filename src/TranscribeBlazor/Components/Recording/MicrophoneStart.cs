using TranscribeBlazor.Audio.Microphone;

namespace TranscribeBlazor.Components.Recording;

/// <summary>How asking for the microphone went.</summary>
/// <param name="Problem">What to tell the user when recording could not start; null when it did.</param>
/// <param name="LocalTime">The user's own clock when it started ("14:05"), to name the recording.</param>
/// <param name="Audio">The recording's audio, fed by the recorder until it stops; null when it could not start.</param>
public sealed record MicrophoneStart(string? Problem, string? LocalTime, MicrophoneAudio? Audio);
