using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// Configuration section <c>Transcription:Aws</c> (environment: <c>Transcription__Aws__Region</c>, ...).
/// Credentials normally come from the standard AWS chain; the keys here are for deployments that
/// configure them explicitly. They never leave the server.
/// </summary>
public sealed class AwsTranscribeOptions
{
    public const string Section = "Transcription:Aws";

    /// <summary>AWS region; when empty, AWS_REGION / AWS_DEFAULT_REGION, then us-east-1.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// A ws:// or wss:// URL replacing the service endpoint (a compatible local server). The presigned
    /// URL then signs this host:port.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>Explicit credentials (optional; the AWS chain is used when empty).</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    /// <summary>Defaults for each stream; the user's settings override them per session.</summary>
    [Required]
    public string LanguageCode { get; set; } = "en-US";

    /// <summary>Audio sent per second of wall time: 1.0 is real time, as the service expects.</summary>
    [Range(0.1, 8)]
    public double PacingFactor { get; set; } = 1.0;

    /// <summary>Audio per AudioEvent (the service takes 50–200 ms best, at most 1 s).</summary>
    [Range(50, 1000)]
    public int FrameMilliseconds { get; set; } = 100;

    /// <summary>When the source stalls this long, silence is sent so the service's 15 s idle limit is never reached.</summary>
    [Range(0.1, 14)]
    public double KeepAliveSeconds { get; set; } = 5;

    /// <summary>How long to wait for the service's last results after the audio has ended.</summary>
    [Range(1, 600)]
    public double ResponseTimeoutSeconds { get; set; } = 30;

    /// <summary>Presigned URL lifetime; the service accepts at most 300 s.</summary>
    [Range(1, 300)]
    public int UrlExpirySeconds { get; set; } = 300;

    [Range(1, 120)]
    public double ConnectTimeoutSeconds { get; set; } = 15;
}
