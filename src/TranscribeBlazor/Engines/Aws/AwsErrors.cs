using System.Net;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>Turns what the service (or the network) says into <see cref="AwsTranscribeException"/>s with plain messages.</summary>
internal static class AwsErrors
{
    /// <summary>An exception message on the stream: <c>:exception-type</c> and its JSON <c>Message</c>.</summary>
    public static AwsTranscribeException FromStreamException(string type, string? serviceMessage)
    {
        string said = string.IsNullOrWhiteSpace(serviceMessage) ? "" : $" It said: \"{serviceMessage}\"";
        string name = type.EndsWith("Exception", StringComparison.Ordinal) ? type[..^"Exception".Length] : type;
        return name switch
        {
            "BadRequest" when IsIdleTimeout(serviceMessage) => new(AwsErrorKind.IdleTimeout,
                "Amazon Transcribe ended the stream because it received no audio for 15 seconds." + said),
            "BadRequest" => new(AwsErrorKind.BadRequest, "Amazon Transcribe rejected the stream (bad request)." + said),
            "LimitExceeded" => new(AwsErrorKind.LimitExceeded,
                "Amazon Transcribe's limits were exceeded (too many streams at once for this account, or the stream ran too long). Try again later." + said),
            "InternalFailure" => new(AwsErrorKind.InternalFailure, "Amazon Transcribe had an internal failure. Try again." + said),
            "Conflict" => new(AwsErrorKind.Conflict, "Amazon Transcribe reported a conflict: a stream with the same session is already running." + said),
            "ServiceUnavailable" => new(AwsErrorKind.ServiceUnavailable, "Amazon Transcribe is unavailable right now. Try again shortly." + said),
            _ => new(AwsErrorKind.Protocol, $"Amazon Transcribe sent an error of an unknown kind ({type})." + said),
        };
    }

    /// <summary>The HTTP upgrade was refused: AWS names the reason in <c>x-amzn-ErrorType</c>.</summary>
    public static AwsTranscribeException FromHandshake(HttpStatusCode status, string? errorType, string accessKeyHint, Exception? inner = null)
    {
        string type = (errorType ?? "").Split(':')[0];
        var refusal = type switch
        {
            "ExpiredTokenException" or "ExpiredToken" or "RequestExpired" => new(AwsErrorKind.ExpiredCredentials,
                "The AWS credentials have expired. Refresh them (for example `aws sso login`, or new keys) and try again."),
            "AccessDeniedException" or "AccessDenied" => new(AwsErrorKind.AccessDenied,
                $"The AWS identity {accessKeyHint} is not allowed to use Amazon Transcribe streaming (it needs transcribe:StartStreamTranscriptionWebSocket)."),
            "InvalidSignatureException" or "SignatureDoesNotMatch" or "UnrecognizedClientException" or "InvalidClientTokenId" or "IncompleteSignatureException" => new(AwsErrorKind.BadCredentials,
                $"AWS rejected the credentials {accessKeyHint}: the access key or secret key is wrong."),
            _ when status == HttpStatusCode.Forbidden => new(AwsErrorKind.BadCredentials,
                $"AWS refused the credentials {accessKeyHint} (HTTP 403{(type.Length > 0 ? ", " + type : "")})."),
            "LimitExceededException" => FromStreamException("LimitExceededException", null),
            "ServiceUnavailableException" => FromStreamException("ServiceUnavailableException", null),
            _ when (int)status == 429 => FromStreamException("LimitExceededException", null),
            _ when (int)status >= 500 => FromStreamException("ServiceUnavailableException", $"HTTP {(int)status}"),
            _ => new AwsTranscribeException(AwsErrorKind.BadRequest, $"Amazon Transcribe refused the stream (HTTP {(int)status}{(type.Length > 0 ? ", " + type : "")})."),
        };
        return inner is null ? refusal : new AwsTranscribeException(refusal.Kind, refusal.Message, inner);
    }

    public static AwsTranscribeException NoNetwork(string host, Exception inner) =>
        new(AwsErrorKind.NoNetwork, $"Cannot reach Amazon Transcribe at {host}: {inner.GetBaseException().Message}. Check the network connection.", inner);

    public static AwsTranscribeException ConnectionLost(Exception? inner) =>
        new(AwsErrorKind.ConnectionLost, "The connection to Amazon Transcribe was lost mid-stream. The transcript so far is kept.", inner);

    private static bool IsIdleTimeout(string? message) =>
        message is not null && (message.Contains("no new audio", StringComparison.OrdinalIgnoreCase)
            || message.Contains("timed out", StringComparison.OrdinalIgnoreCase)
            || message.Contains("15 seconds", StringComparison.OrdinalIgnoreCase));
}
