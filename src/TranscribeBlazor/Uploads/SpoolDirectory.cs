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

    /// <summary>
    /// Creates the directory owner-only, or makes an existing one of ours so; returns its path. Refuses
    /// (<see cref="SpoolDirectoryException"/>) a path that is a symlink, not a directory, or another user's:
    /// in a shared /tmp anyone can create <c>transcribeblazor-$USER</c> first, and would then read every upload
    /// (or, through a symlink, have us empty and chmod a directory of their choosing).
    /// </summary>
    public static string Prepare(string directory)
    {
        try
        {
            Directory.CreateDirectory(directory, OwnerOnly);
        }
        catch (IOException)
        {
            // A dangling symlink or a file in the way: the check below says which.
        }
        var mode = CheckOwnDirectory(directory);
        if (mode != OwnerOnly)
            File.SetUnixFileMode(directory, OwnerOnly);
        return directory;
    }

    /// <summary>The directory's permissions, once it is known to be a real directory owned by this process's user.</summary>
    private static UnixFileMode CheckOwnDirectory(string directory)
    {
        // With a trailing slash the kernel follows a symlink even when asked not to.
        directory = Path.TrimEndingDirectorySeparator(directory);
        if (InteropLibc.statx(InteropLibc.AT_FDCWD, directory, InteropLibc.AT_SYMLINK_NOFOLLOW, InteropLibc.STATX_TYPE_MODE_UID, out var status) != 0)
            throw new SpoolDirectoryException(directory, $"cannot be read ({new System.ComponentModel.Win32Exception(System.Runtime.InteropServices.Marshal.GetLastPInvokeError()).Message})");
        switch (status.Mode & InteropLibc.S_IFMT)
        {
            case InteropLibc.S_IFLNK:
                throw new SpoolDirectoryException(directory, $"is a symbolic link (to {new DirectoryInfo(directory).LinkTarget}), not a directory");
            case not InteropLibc.S_IFDIR:
                throw new SpoolDirectoryException(directory, "is not a directory");
        }
        uint me = InteropLibc.geteuid();
        if (status.Uid != me)
            throw new SpoolDirectoryException(directory, $"belongs to another user (uid {status.Uid}; this process runs as uid {me})");
        return (UnixFileMode)(status.Mode & 0x1FF);
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
