namespace TranscribeBlazor.Engines;

/// <summary>An engine could not transcribe; the message is shown to the user as it is.</summary>
public class TranscriptionEngineException(string message, Exception? inner = null) : Exception(message, inner);
