namespace TranscribeBlazor.Uploads;

/// <summary>The upload went past the configured size limit.</summary>
public sealed class UploadTooLargeException(long maxBytes)
    : Exception($"The file is larger than the {maxBytes / 1048576.0:0.#} MB limit.")
{
    public long MaxBytes { get; } = maxBytes;
}
