using System.Globalization;

namespace TranscribeBlazor.IO;

/// <summary>Sizes in words, the two ways people meet them.</summary>
public static class ByteSize
{
    /// <summary>
    /// A limit or an amount of server space, in binary units like the settings it is configured in, and in its
    /// own unit: "16 KB", "4 MB", "2 GB", "1000 bytes" (a test's or a tight configuration's small limit read "0 MB" in megabytes).
    /// </summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>A person's file (its size, how much of it is uploaded), in decimal units as file managers and browsers show it: "1 KB", "12.3 MB", "1.50 GB".</summary>
    public static string OfFile(long bytes) => bytes switch
    {
        < 1_000_000 => Math.Ceiling(bytes / 1000.0).ToString("0", CultureInfo.InvariantCulture) + " KB",
        < 1_000_000_000 => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " GB",
    };
}
