using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Tests.Uploads;

/// <summary>The spool directory is used only when it is a real directory of this process's user.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class SpoolDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const int Nobody = 65534;
    private readonly string _root = Directory.CreateTempSubdirectory("spool-dir-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ANewDirectory_IsCreatedOwnerOnly_AndAnOpenOneOfOursIsClosed()
    {
        string created = SpoolDirectory.Prepare(Path.Combine(_root, "new"));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(created));

        string open = Directory.CreateDirectory(Path.Combine(_root, "open")).FullName;
        File.SetUnixFileMode(open, OwnerOnly | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        SpoolDirectory.Prepare(open);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(open));
    }

    [RootFact]
    public void AnotherUsersDirectory_IsRefused_NamingItAndTheFix_AndLeftAsItWas()
    {
        string theirs = Directory.CreateDirectory(Path.Combine(_root, "theirs")).FullName;
        string planted = Path.Combine(theirs, "planted");
        File.WriteAllText(planted, "x");
        File.SetLastWriteTimeUtc(planted, DateTime.UtcNow.AddHours(-1)); // old enough for Empty to remove, were it ours
        File.SetUnixFileMode(theirs, OwnerOnly | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        Chown(theirs, Nobody);

        var e = Assert.Throws<SpoolDirectoryException>(() => SpoolDirectory.Empty(theirs));
        Assert.Equal($"The upload spool directory {theirs} belongs to another user (uid {Nobody}; this process runs as uid 0), so uploads cannot be kept private there. " +
            "Remove it (the app creates it again, private), or set Transcription:SpoolDirectory to a directory of your own.", e.Message);
        Assert.True(File.Exists(planted));
        Assert.True(File.GetUnixFileMode(theirs).HasFlag(UnixFileMode.OtherWrite)); // not "fixed" either
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")] // a trailing slash makes the kernel follow a symlink unless it is trimmed
    public void ASymlink_IsRefused_AndWhatItPointsToIsNeitherEmptiedNorChanged(string suffix)
    {
        string target = Directory.CreateDirectory(Path.Combine(_root, "precious")).FullName;
        string kept = Path.Combine(target, "kept");
        File.WriteAllText(kept, "x");
        File.SetLastWriteTimeUtc(kept, DateTime.UtcNow.AddHours(-1));
        File.SetUnixFileMode(target, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        string link = Path.Combine(_root, "link");
        File.CreateSymbolicLink(link, target);

        var e = Assert.Throws<SpoolDirectoryException>(() => SpoolDirectory.Empty(link + suffix));
        Assert.StartsWith($"The upload spool directory {link} is a symbolic link (to {target}), not a directory,", e.Message);
        Assert.True(File.Exists(kept));
        Assert.Equal(OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(target));
    }

    [Fact]
    public void AFileInTheWay_IsRefused()
    {
        string file = Path.Combine(_root, "file");
        File.WriteAllText(file, "x");
        var e = Assert.Throws<SpoolDirectoryException>(() => SpoolDirectory.Prepare(file));
        Assert.StartsWith($"The upload spool directory {file} is not a directory,", e.Message);
    }

    [Fact]
    public void ADanglingSymlink_IsRefused_NotFollowedToCreateItsTarget()
    {
        string target = Path.Combine(_root, "not-yet");
        string link = Path.Combine(_root, "dangling");
        File.CreateSymbolicLink(link, target);
        Assert.Throws<SpoolDirectoryException>(() => SpoolDirectory.Prepare(link));
        Assert.False(Directory.Exists(target));
    }

    internal static void Chown(string path, int uid)
    {
        using var chown = System.Diagnostics.Process.Start("chown", [uid.ToString(), path]);
        chown.WaitForExit();
        Assert.Equal(0, chown.ExitCode);
    }
}
