using System.Runtime.InteropServices;

namespace TranscribeBlazor.Uploads;

/// <summary>
/// Raw declarations for the two libc calls .NET has no API for: who we are (<c>geteuid</c>) and who owns a
/// path without following a symlink (<c>statx</c>, glibc 2.28+; Debian 12 has 2.36). <c>statx</c> is used
/// rather than <c>lstat</c> because its structure has one layout on every Linux architecture.
/// </summary>
internal static partial class InteropLibc
{
    internal const string Library = "libc.so.6";

    /// <summary><c>AT_FDCWD</c>: a relative path is taken from the working directory.</summary>
    internal const int AT_FDCWD = -100;

    /// <summary><c>AT_SYMLINK_NOFOLLOW</c>: a symlink is described itself, not what it points to.</summary>
    internal const int AT_SYMLINK_NOFOLLOW = 0x100;

    /// <summary><c>STATX_TYPE | STATX_MODE | STATX_UID</c>.</summary>
    internal const uint STATX_TYPE_MODE_UID = 0x1 | 0x2 | 0x8;

    internal const ushort S_IFMT = 0xF000;
    internal const ushort S_IFDIR = 0x4000;
    internal const ushort S_IFLNK = 0xA000;

    [LibraryImport(Library)]
    internal static partial uint geteuid();

    /// <summary>0 on success, -1 with errno set (read it with <see cref="Marshal.GetLastPInvokeError"/>).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int statx(int dirfd, string pathname, int flags, uint mask, out Statx statxbuf);

    /// <summary>Leading fields of <c>struct statx</c> (linux/stat.h); the kernel writes all 256 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    internal struct Statx
    {
        public uint Mask;
        public uint BlockSize;
        public ulong Attributes;
        public uint LinkCount;
        public uint Uid;
        public uint Gid;
        public ushort Mode;
    }
}
