using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Api;

/// <summary>Checks a request's <c>Authorization: Bearer</c> key against the configured ones without revealing, by timing, how much of it matched.</summary>
public sealed class ApiKeys(IOptions<ApiOptions> options)
{
    // Hashes have one length, so comparing them takes the same time whatever the key sent; every key is compared.
    private readonly byte[][] _hashes = options.Value.Keys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k.Trim()))).ToArray();

    public ApiKeyCheck Check(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return ApiKeyCheck.Missing;
        byte[] sent = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        bool match = false;
        foreach (var hash in _hashes)
            match |= CryptographicOperations.FixedTimeEquals(sent, hash);
        return match ? ApiKeyCheck.Accepted : ApiKeyCheck.Wrong;
    }
}
