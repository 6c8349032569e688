namespace TranscribeBlazor.Uploads;

/// <summary>
/// The private directory uploads are spooled in: owner-only (0700), random file names, each file
/// unlinked as soon as it is opened. A crash between create and unlink could leave one behind, so the
/// app empties the directory when it starts (<see cref="SpoolDirectoryCleanup"/>).
/// </summary>
public static class SpoolDirectory
{
    /// <summary>Per user, so processes of different users on one machine never share (or fight over) it.</summary>
    public static string Default => Path.Combine(Path.GetTempPath(), $"transcribeblazor-{Environment.UserName}");

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the directory owner-only, or makes an existing one so; returns its path.</summary>
    public static string Prepare(string directory)
    {
        var info = Directory.CreateDirectory(directory, OwnerOnly);
        if (info.UnixFileMode != OwnerOnly)
            File.SetUnixFileMode(directory, OwnerOnly); // throws if another user owns it: then we must not use it
        return directory;
    }

    /// <summary>
    /// Deletes what an earlier process left in the directory; returns how many files. Only files older
    /// than a minute: another process sharing the directory unlinks its own within microseconds.
    /// </summary>
    public static int Empty(string directory)
    {
        Prepare(directory);
        int removed = 0;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (DateTime.UtcNow - file.LastWriteTimeUtc < TimeSpan.FromMinutes(1)) continue;
            file.Delete();
            removed++;
        }
        return removed;
    }
}
