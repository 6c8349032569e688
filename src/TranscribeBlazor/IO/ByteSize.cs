namespace TranscribeBlazor.IO;

/// <summary>A size in words, in its own unit: "16 KB", "4 MB", "2 GB", "1000 bytes".</summary>
public static class ByteSize
{
    // In the size's own unit: a small limit (a test's, a tight configuration) read "0 MB" in megabytes.
    public static string Format(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes / (double)(1L << 30):0.#} GB"
        : bytes >= 1L << 20 ? $"{bytes / (double)(1L << 20):0.#} MB"
        : bytes >= 1L << 10 ? $"{bytes / (double)(1L << 10):0.#} KB"
        : $"{bytes} bytes";
}
