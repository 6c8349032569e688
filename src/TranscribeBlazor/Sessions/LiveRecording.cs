using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Engines;

namespace TranscribeBlazor.Sessions;

/// <summary>A microphone recording: its audio arrives while it is transcribed, until the user stops it.</summary>
public sealed record LiveRecording(string Name, MicrophoneAudio Audio, string? EngineId = null, TranscriptionRequest? Request = null)
    : RunInput(Name, EngineId, Request);
