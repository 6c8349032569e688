using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Uploads;

/// <summary>
/// The spool space uploads may fill, per client and in all, and the disk's reserve. Each upload draws from it
/// through a <see cref="SpoolAllowance"/> as its bytes arrive (a file is spooled whole, also while its run waits
/// for a recogniser), and gives it all back when its run ends. One per server.
/// </summary>
public sealed class SpoolBudget
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _perClient = [];
    private readonly UploadOptions _options;
    private readonly Func<string, long> _freeSpace;
    private long _total;

    public SpoolBudget(IOptions<UploadOptions> options) : this(options.Value, FreeSpaceOf) { }

    /// <param name="freeSpace">Bytes free to this process on the file system holding a directory.</param>
    internal SpoolBudget(UploadOptions options, Func<string, long> freeSpace)
    {
        _options = options;
        _freeSpace = freeSpace;
    }

    /// <summary>Bytes spooled now, by everyone.</summary>
    public long Total { get { lock (_gate) return _total; } }

    /// <summary>Bytes spooled now for <paramref name="client"/>.</summary>
    public long HeldBy(string client) { lock (_gate) return _perClient.GetValueOrDefault(client); }

    /// <summary>
    /// Opens an allowance for one upload into <paramref name="directory"/>, refusing at once (<see cref="SpoolFullException"/>)
    /// when the size the browser gave, or the disk's reserve, already says it cannot fit.
    /// </summary>
    public SpoolAllowance Open(string client, string directory, long? expectedBytes)
    {
        long expected = Math.Max(0, expectedBytes ?? 0);
        lock (_gate)
            CheckLocked(client, expected);
        CheckDisk(directory, expected);
        return new SpoolAllowance(this, client, directory);
    }

    /// <summary>Takes <paramref name="bytes"/> more for <paramref name="client"/>, or throws (and takes nothing).</summary>
    internal void Take(string client, long bytes)
    {
        lock (_gate)
        {
            CheckLocked(client, bytes);
            _perClient[client] = _perClient.GetValueOrDefault(client) + bytes;
            _total += bytes;
        }
    }

    internal void Give(string client, long bytes)
    {
        if (bytes == 0) return;
        lock (_gate)
        {
            _total -= bytes;
            if ((_perClient[client] -= bytes) == 0)
                _perClient.Remove(client);
        }
    }

    /// <summary>Throws when the disk would keep less than the configured reserve after <paramref name="bytes"/> more.</summary>
    internal void CheckDisk(string directory, long bytes)
    {
        long free = _freeSpace(directory);
        if (free - bytes < _options.SpoolFreeSpaceReserveBytes)
            throw SpoolFullException.Disk(free);
    }

    private void CheckLocked(string client, long bytes)
    {
        long mine = _perClient.GetValueOrDefault(client);
        if (mine + bytes > _options.MaxSpoolBytesPerClient)
            throw SpoolFullException.Client(_options.MaxSpoolBytesPerClient, mine);
        if (_total + bytes > _options.MaxSpoolBytes)
            throw SpoolFullException.Server(_options.MaxSpoolBytes);
    }

    private static long FreeSpaceOf(string directory) => new DriveInfo(directory).AvailableFreeSpace;
}
