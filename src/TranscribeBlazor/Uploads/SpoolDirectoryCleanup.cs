using TranscribeBlazor.IO;
using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Uploads;

/// <summary>At start-up: the spool directory exists, is private, and holds nothing from an earlier run.</summary>
public sealed class SpoolDirectoryCleanup(IOptions<UploadOptions> options, ILogger<SpoolDirectoryCleanup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        string directory = options.Value.SpoolPath;
        int removed = SpoolDirectory.Empty(directory);
        if (removed > 0)
            logger.LogWarning("Removed {Files} left in {Directory} by an earlier process", Counted.Of(removed, "upload file"), directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
