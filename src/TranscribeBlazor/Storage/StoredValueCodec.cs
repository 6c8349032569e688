using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace TranscribeBlazor.Storage;

/// <summary>
/// Turns a value into the text the browser keeps, and back: JSON, Brotli-compressed, encrypted and
/// signed with the server's data-protection keys, base64url with a <c>z.</c> mark. Values written by
/// the framework's ProtectedLocalStorage (before the mark existed) are read as they are, so history
/// kept by earlier versions opens.
/// </summary>
/// <remarks>
/// Why compress: a transcript's JSON repeats the same property names for every word. Two hours of
/// speech (18,000 words) is 2.6 MB of JSON, which encrypted and base64url-encoded as it was would fill
/// most of the browser's quota (about 5 million characters per site in Chromium); compressed it
/// stores in about 0.3 million (EncryptedLocalStorageTests prints the figure).
/// </remarks>
public sealed class StoredValueCodec(IDataProtectionProvider protection)
{
    private const string CompressedMark = "z.";

    // The purpose ProtectedLocalStorage derives from a key ("{its type}:{store}:{key}"): values it wrote stay readable.
    private const string PurposePrefix = "Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedLocalStorage:localStorage:";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Encode<T>(string key, T value)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        using var packed = new MemoryStream();
        using (var brotli = new BrotliStream(packed, CompressionLevel.Fastest))
            brotli.Write(json);
        return CompressedMark + WebEncoders.Base64UrlEncode(Protector(key).Protect(packed.ToArray()));
    }

    /// <exception cref="BrowserStorageException">The text was not written by this server's keys for this key, or is damaged.</exception>
    public T? Decode<T>(string key, string stored)
    {
        try
        {
            if (!stored.StartsWith(CompressedMark, StringComparison.Ordinal))
                return JsonSerializer.Deserialize<T>(Protector(key).Unprotect(stored), Json);
            byte[] packed = Protector(key).Unprotect(WebEncoders.Base64UrlDecode(stored, CompressedMark.Length, stored.Length - CompressedMark.Length));
            using var brotli = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
            return JsonSerializer.Deserialize<T>(brotli, Json);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or InvalidDataException or JsonException)
        {
            throw new BrowserStorageException($"The stored value '{key}' cannot be read.", quotaExceeded: false, e);
        }
    }

    private IDataProtector Protector(string key) => protection.CreateProtector(PurposePrefix + key);
}
