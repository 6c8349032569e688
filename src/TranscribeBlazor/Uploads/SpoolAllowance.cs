namespace TranscribeBlazor.Uploads;

/// <summary>
/// One upload's share of the <see cref="SpoolBudget"/>: grows with each chunk written, looks at the disk's free
/// space again every <see cref="DiskCheckInterval"/>, and gives everything back when disposed.
/// </summary>
public sealed class SpoolAllowance : IDisposable
{
    /// <summary>
    /// Between two looks at the disk an upload writes at most this much: with 32 runs at once
    /// (<c>MaxConcurrentRuns</c>) that is 512 MB unseen, inside the default 1 GiB reserve; a look (statvfs) costs microseconds.
    /// </summary>
    public const long DiskCheckInterval = 16L << 20;

    private readonly SpoolBudget _budget;
    private readonly string _client;
    private readonly string _directory;
    private long _taken;
    private long _sinceDiskCheck;
    private int _disposed;

    internal SpoolAllowance(SpoolBudget budget, string client, string directory)
    {
        _budget = budget;
        _client = client;
        _directory = directory;
    }

    /// <summary>Bytes this upload holds.</summary>
    public long Taken => Interlocked.Read(ref _taken);

    /// <summary>Takes room for <paramref name="bytes"/> more before they are written; throws <see cref="SpoolFullException"/> if there is none. One writer at a time.</summary>
    public void Grow(long bytes)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (_sinceDiskCheck + bytes > DiskCheckInterval)
        {
            _budget.CheckDisk(_directory, bytes);
            _sinceDiskCheck = 0;
        }
        _budget.Take(_client, bytes);
        _sinceDiskCheck += bytes;
        Interlocked.Add(ref _taken, bytes);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _budget.Give(_client, Interlocked.Exchange(ref _taken, 0));
    }
}
