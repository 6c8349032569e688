using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// The presigned WebSocket URL: <c>wss://transcribestreaming.&lt;region&gt;.amazonaws.com:8443/stream-transcription-websocket?...</c>
/// signed with SigV4 in the query (service <c>transcribe</c>, the <c>host</c> header including
/// <c>:8443</c>, the session token inside the signed query, X-Amz-Expires ≤ 300).
/// </summary>
public static class TranscribeStreamingUrl
{
    public const string Path = "/stream-transcription-websocket";

    public static Uri Endpoint(string region, string? overrideUrl)
    {
        if (string.IsNullOrWhiteSpace(overrideUrl))
            return new Uri($"wss://transcribestreaming.{region}.amazonaws.com:8443{Path}");
        var uri = new Uri(overrideUrl);
        if (uri.Scheme is not ("ws" or "wss"))
            throw new AwsTranscribeException(AwsErrorKind.BadRequest, $"Transcription:Aws:Endpoint must be a ws:// or wss:// URL, not '{overrideUrl}'.");
        return uri.AbsolutePath is "/" or "" ? new Uri(uri, Path) : uri;
    }

    public static Uri Presign(Uri endpoint, IEnumerable<KeyValuePair<string, string>> query, ImmutableCredentials credentials, string region, DateTime signedAtUtc, TimeSpan expiry)
    {
        if (expiry > TimeSpan.FromSeconds(300))
            throw new ArgumentOutOfRangeException(nameof(expiry), "Amazon Transcribe accepts presigned URLs valid for at most 300 seconds.");
        var unsigned = new UriBuilder(endpoint)
        {
            Query = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")),
        };
        return PresignGet(unsigned.Uri, credentials, region, "transcribe", signedAtUtc, expiry);
    }

    /// <summary>SigV4 query presigning of a GET that signs only <c>host</c> (what the published vectors test).</summary>
    internal static Uri PresignGet(Uri uri, ImmutableCredentials credentials, string region, string service, DateTime signedAtUtc, TimeSpan expiry)
    {
        var request = new AWSSigningRequest { HttpMethod = HttpMethod.Get, RequestUri = uri };
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials.UseToken
                ? new SessionAWSCredentials(credentials.AccessKey, credentials.SecretKey, credentials.Token)
                : new BasicAWSCredentials(credentials.AccessKey, credentials.SecretKey),
            Region = Amazon.RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = signedAtUtc,
        };
        return AWSSigV4Signer.Presign(request, parameters, expiry).Uri;
    }
}
