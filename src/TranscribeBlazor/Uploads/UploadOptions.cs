using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Uploads;

/// <summary>Where uploads spool and how long one may stall (section <c>Transcription</c>).</summary>
public sealed class UploadOptions
{
    public const string Section = "Transcription";

    /// <summary>A run whose upload or recording stops arriving (the browser went quiet while connected) ends after this long.</summary>
    [Range(1, 3600)]
    public double UploadStallSeconds { get; set; } = 60;

    /// <summary>Where uploads are spooled (a private directory, files unlinked at once); default: the system's temp directory.</summary>
    public string? SpoolDirectory { get; set; }

    public string SpoolPath => string.IsNullOrWhiteSpace(SpoolDirectory) ? Uploads.SpoolDirectory.Default : SpoolDirectory;

    public TimeSpan StallTimeout => TimeSpan.FromSeconds(UploadStallSeconds);
}
