using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Uploads;

/// <summary>Where uploads spool, how much of the disk they may fill, and how long one may stall (section <c>Transcription</c>).</summary>
public sealed class UploadOptions : IValidatableObject
{
    public const string Section = "Transcription";

    /// <summary>A run whose upload or recording stops arriving (the browser went quiet while connected) ends after this long.</summary>
    [Range(1, 3600)]
    public double UploadStallSeconds { get; set; } = 60;

    /// <summary>Where uploads are spooled (a private directory, files unlinked at once); default: the system's temp directory.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>
    /// Spool one client address may fill at once, across its tabs (a file is spooled whole, also while it waits
    /// for a recogniser). 4 GiB: two files at the 2 GiB <c>MaxUploadBytes</c>.
    /// </summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxSpoolBytesPerClient { get; set; } = 4L << 30;

    /// <summary>Spool all clients together may fill at once. 16 GiB: four clients at their own limit.</summary>
    [Range(1L << 20, long.MaxValue)]
    public long MaxSpoolBytes { get; set; } = 16L << 30;

    /// <summary>Free space the spool leaves on its disk: an upload that would go below it is refused, or stopped.</summary>
    [Range(0, long.MaxValue)]
    public long SpoolFreeSpaceReserveBytes { get; set; } = 1L << 30;

    public string SpoolPath => string.IsNullOrWhiteSpace(SpoolDirectory) ? Uploads.SpoolDirectory.Default : SpoolDirectory;

    public TimeSpan StallTimeout => TimeSpan.FromSeconds(UploadStallSeconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxSpoolBytesPerClient > MaxSpoolBytes)
            yield return new ValidationResult(
                $"Transcription:MaxSpoolBytesPerClient ({MaxSpoolBytesPerClient}) is larger than Transcription:MaxSpoolBytes ({MaxSpoolBytes}), the whole server's.",
                [nameof(MaxSpoolBytesPerClient), nameof(MaxSpoolBytes)]);
    }
}
