using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// Where the engine's AWS credentials come from: <c>Transcription:Aws</c> keys when configured, else
/// the standard AWS chain (environment variables, profile files with AWS_PROFILE, web identity,
/// container and instance roles). Only a masked access key and the source are ever shown.
/// </summary>
public sealed class AwsCredentialSource(IOptions<AwsTranscribeOptions> options, TimeProvider time, ILogger<AwsCredentialSource>? logger = null) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly DefaultAWSCredentialsIdentityResolver _chain = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, AwsIdentity Identity)? _cached;

    /// <summary>The region streams go to.</summary>
    public string Region =>
        FirstNonEmpty(options.Value.Region, Environment.GetEnvironmentVariable("AWS_REGION"), Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")) ?? "us-east-1";

    /// <summary>Resolves (and caches for a minute) who we would be; missing or broken credentials come back as the identity's problem, never as an exception (only cancellation throws).</summary>
    public async Task<AwsIdentity> DescribeAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } c && time.GetUtcNow() - c.At < CacheFor)
            return c.Identity;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } again && time.GetUtcNow() - again.At < CacheFor)
                return again.Identity;
            var identity = await ResolveAsync(cancellationToken).ConfigureAwait(false);
            _cached = (time.GetUtcNow(), identity);
            return identity;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Credentials for signing one stream, with the identity they belong to; throws <see cref="AwsTranscribeException"/> (NoCredentials) when there are none.</summary>
    public async Task<(ImmutableCredentials Credentials, AwsIdentity Identity)> GetAsync(CancellationToken cancellationToken)
    {
        var identity = await DescribeAsync(cancellationToken).ConfigureAwait(false);
        if (identity.Credentials is null)
            throw new AwsTranscribeException(AwsErrorKind.NoCredentials, identity.Problem!);
        var credentials = await identity.Credentials.GetCredentialsAsync().ConfigureAwait(false);
        return (credentials, identity);
    }

    private async Task<AwsIdentity> ResolveAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!string.IsNullOrWhiteSpace(o.AccessKeyId) || !string.IsNullOrWhiteSpace(o.SecretAccessKey))
        {
            if (string.IsNullOrWhiteSpace(o.AccessKeyId) || string.IsNullOrWhiteSpace(o.SecretAccessKey))
                return AwsIdentity.Missing("Transcription:Aws has only half a key pair: set both AccessKeyId and SecretAccessKey, or neither to use the AWS credential chain.");
            AWSCredentials configured = string.IsNullOrWhiteSpace(o.SessionToken)
                ? new BasicAWSCredentials(o.AccessKeyId, o.SecretAccessKey)
                : new SessionAWSCredentials(o.AccessKeyId, o.SecretAccessKey, o.SessionToken);
            return new AwsIdentity(configured, "the Transcription:Aws settings", Mask(o.AccessKeyId), Region, null);
        }

        try
        {
            // The chain may probe the instance metadata service, which takes seconds off EC2.
            var credentials = await Task.Run(() => _chain.ResolveIdentity(null), cancellationToken).ConfigureAwait(false);
            var immutable = await credentials.GetCredentialsAsync().ConfigureAwait(false);
            string source = credentials.GetType().Name.Replace("AWSCredentials", "").Replace("Credentials", "") switch
            {
                "EnvironmentVariables" or "EnvironmentVariable" => "environment variables",
                var other when DefaultAWSCredentialsIdentityResolver.GetProfileName() is { Length: > 0 } profile && !other.Contains("Instance") && !other.Contains("Container") => $"profile '{profile}'",
                var other => other,
            };
            return new AwsIdentity(credentials, source, Mask(immutable.AccessKey), Region, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever the chain throws (no credentials, an unreachable metadata service, a broken
            // profile file), the engine is simply unavailable, with the reason.
            // The chain's own report lists every provider it tried; it goes to the log, the page gets the gist.
            logger?.LogInformation("No AWS credentials: {Reason}", e.Message);
            return AwsIdentity.Missing("No AWS credentials found. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE, or run with an instance or container role.");
        }
    }

    /// <summary>"AKIA…WXYZ": enough to recognise a key, useless to anyone else.</summary>
    internal static string Mask(string accessKey) =>
        accessKey.Length <= 8 ? "****" : $"{accessKey[..4]}…{accessKey[^4..]}";

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    public void Dispose()
    {
        _chain.Dispose();
        _gate.Dispose();
    }
}
