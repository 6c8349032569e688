namespace TranscribeBlazor.Engines.Aws;

/// <summary>A failure of the Amazon Transcribe engine, typed; the message is for the user.</summary>
public sealed class AwsTranscribeException(AwsErrorKind kind, string message, Exception? inner = null)
    : TranscriptionEngineException(message, inner)
{
    public AwsErrorKind Kind { get; } = kind;
}
