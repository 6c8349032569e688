using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Tests.Uploads;

namespace TranscribeBlazor.Tests.Hosting;

/// <summary>The app, run as a process, refuses to start on a spool directory it cannot trust, saying why in its last line.</summary>
[Trait(Category.Name, Category.Engine)]
public sealed class SpoolDirectoryStartupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("spool-startup-test-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [RootTheory]
    [InlineData("another user's", "belongs to another user (uid 65534")]
    [InlineData("a symlink", "is a symbolic link (to ")]
    public async Task StartUp_IsRefused_NamingTheDirectoryAndTheFix(string kind, string problem)
    {
        string theirs = Directory.CreateDirectory(Path.Combine(_root, "theirs")).FullName;
        SpoolDirectoryTests.Chown(theirs, 65534);
        string spool = theirs;
        if (kind == "a symlink")
        {
            spool = Path.Combine(_root, "link");
            File.CreateSymbolicLink(spool, theirs);
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(new Dictionary<string, string> { ["Transcription:SpoolDirectory"] = spool }));
        string last = e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith($"The upload spool directory {spool} {problem}", last);
        Assert.EndsWith("or set Transcription:SpoolDirectory to a directory of your own.", last);
    }
}
