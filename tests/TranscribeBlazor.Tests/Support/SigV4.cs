using System.Security.Cryptography;
using System.Text;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// An independent SigV4 query-signature check, written from the AWS documentation (not from
/// AWSSDK.Core), used to verify the product's presigned URLs and by the fake Transcribe server.
/// </summary>
public static class SigV4
{
    /// <summary>Recomputes X-Amz-Signature for a presigned GET that signs <c>host</c> only.</summary>
    public static string ExpectedSignature(Uri url, string secretKey)
    {
        var query = ParseQuery(url.Query);
        string credential = query["X-Amz-Credential"];
        var scope = credential.Split('/'); // key/date/region/service/aws4_request
        string amzDate = query["X-Amz-Date"];

        string canonicalQuery = string.Join('&', query
            .Where(p => p.Key != "X-Amz-Signature")
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}"));
        string host = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        string canonicalRequest = string.Join('\n',
            "GET", CanonicalPath(url.AbsolutePath), canonicalQuery, $"host:{host}", "", "host", Hex(SHA256.HashData([])));
        string stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256", amzDate, string.Join('/', scope[1..]), Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        byte[] key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), scope[1]);
        key = Hmac(key, scope[2]);
        key = Hmac(key, scope[3]);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    public static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");

    // RFC 3986 unreserved characters stay; everything else is %XX in upper case (SigV4's rule).
    private static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2"));
        }
        return sb.ToString();
    }

    private static string CanonicalPath(string path) =>
        string.Join('/', path.Split('/').Select(segment => Encode(Uri.UnescapeDataString(segment))));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
