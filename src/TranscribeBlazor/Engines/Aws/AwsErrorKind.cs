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
