namespace TranscribeBlazor.Engines.Aws;

/// <summary>Every way a stream with Amazon Transcribe can fail, as the user needs to tell them apart.</summary>
public enum AwsErrorKind
{
    NoCredentials,
    BadCredentials,
    ExpiredCredentials,
    AccessDenied,
    NoNetwork,
    BadRequest,
    LimitExceeded,
    InternalFailure,
    Conflict,
    ServiceUnavailable,
    IdleTimeout,
    ConnectionLost,
    NoResponse,
    Protocol,
}

/// <summary>A failure of the Amazon Transcribe engine, typed; the message is for the user.</summary>
public sealed class AwsTranscribeException(AwsErrorKind kind, string message, Exception? inner = null)
    : TranscriptionEngineException(message, inner)
{
    public AwsErrorKind Kind { get; } = kind;
}
