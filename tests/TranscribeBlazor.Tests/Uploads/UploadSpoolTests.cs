using System.IO.Pipelines;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Tests.Uploads;

[Trait(Category.Name, Category.Unit)]
public sealed class UploadSpoolTests
{
    private static string NewDirectory() => Path.Combine(Path.GetTempPath(), "spool-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheUpload_IsTakenAsFastAsItComes_EvenWhenNobodyReads_AndLeavesNoFileBehind()
    {
        string dir = NewDirectory();
        var data = Enumerable.Range(0, 5_000_000).Select(i => (byte)(i * 7)).ToArray();
        await using (var spool = UploadSpool.Start(new MemoryStream(data), CancellationToken.None, dir))
        {
            await spool.Completion.WaitAsync(TimeSpan.FromSeconds(10)); // nothing read yet, the upload still finished
            Assert.Equal(data.Length, spool.BytesReceived);
            Assert.Empty(Directory.GetFiles(dir)); // unlinked from the start

            using var copy = new MemoryStream();
            await spool.OpenReader().CopyToAsync(copy);
            Assert.Equal(data, copy.ToArray());
        }
        Directory.Delete(dir);
    }

    [Fact]
    public async Task TheReader_WaitsForBytesStillInFlight()
    {
        var pipe = new Pipe();
        await using var spool = UploadSpool.Start(pipe.Reader.AsStream(), CancellationToken.None, NewDirectory());
        var reader = spool.OpenReader();
        var buffer = new byte[10];

        var pending = reader.ReadAsync(buffer).AsTask();
        Assert.False(pending.IsCompleted); // nothing was written yet

        await pipe.Writer.WriteAsync(new byte[] { 1, 2, 3 });
        // Three, not the 0 of an end: the read waited for the bytes (no sleep needed to prove it).
        Assert.Equal(3, await pending.WaitAsync(TimeSpan.FromSeconds(5)));
        await pipe.Writer.CompleteAsync();
        Assert.Equal(0, await reader.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task WhenComplete_WaitsForTheLastByte_ThenGivesAFileHoldingTheWholeUpload()
    {
        var pipe = new Pipe();
        await using var spool = UploadSpool.Start(pipe.Reader.AsStream(), CancellationToken.None, NewDirectory());
        var complete = spool.WhenCompleteAsync(CancellationToken.None);
        await pipe.Writer.WriteAsync(new byte[] { 1, 2, 3 });
        await Signals.WaitUntilAsync(() => spool.BytesReceived == 3, TimeSpan.FromSeconds(5));
        Assert.False(complete.IsCompleted); // three bytes are not the whole upload

        await pipe.Writer.WriteAsync(new byte[] { 4, 5 });
        await pipe.Writer.CompleteAsync();
        var file = await complete.WaitAsync(TimeSpan.FromSeconds(5));
        var whole = new byte[8];
        Assert.Equal(5, RandomAccess.Read(file, whole, 0));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, whole[..5]);
    }

    [Fact]
    public async Task WhenComplete_GivesUp_WhenTheUploadStopsArriving()
    {
        var pipe = new Pipe();
        await using var spool = UploadSpool.Start(pipe.Reader.AsStream(), CancellationToken.None, NewDirectory(), stallTimeout: TimeSpan.FromMilliseconds(200));
        await pipe.Writer.WriteAsync(new byte[] { 1 });
        await Assert.ThrowsAsync<UploadStalledException>(() => spool.WhenCompleteAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AFailedUpload_IsSeenByTheReader_AfterTheBytesThatArrived()
    {
        var pipe = new Pipe();
        await using var spool = UploadSpool.Start(pipe.Reader.AsStream(), CancellationToken.None, NewDirectory());
        await pipe.Writer.WriteAsync(new byte[] { 9, 9 });
        await Signals.WaitUntilAsync(() => spool.BytesReceived >= 2, TimeSpan.FromSeconds(5)); // a pipe drops unread bytes when its writer fails
        await pipe.Writer.CompleteAsync(new IOException("browser went away"));
        var reader = spool.OpenReader();
        var buffer = new byte[10];
        Assert.Equal(2, await reader.ReadAsync(buffer));
        var e = await Assert.ThrowsAsync<IOException>(async () => await reader.ReadExactlyAsync(buffer));
        Assert.Equal("browser went away", e.Message);
    }

    [Fact]
    public async Task TheSpoolDirectory_IsOwnerOnly_AndLeftoversFromACrashAreRemovedAtStart()
    {
        string dir = NewDirectory();
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111); // as if someone had loosened it
        string leftover = Path.Combine(dir, "crashed.tmp"), fresh = Path.Combine(dir, "in-flight.tmp");
        await File.WriteAllTextAsync(leftover, "audio from before the crash");
        File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddMinutes(-5));
        await File.WriteAllTextAsync(fresh, "another process's file, about to be unlinked");

        Assert.Equal(1, SpoolDirectory.Empty(dir));
        Assert.False(File.Exists(leftover));
        Assert.True(File.Exists(fresh));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void TheDefaultSpoolDirectory_IsPerUser_InTheTempDirectory()
    {
        Assert.StartsWith(Path.GetTempPath(), SpoolDirectory.Default);
        Assert.EndsWith("transcribeblazor-" + Environment.UserName, SpoolDirectory.Default);
    }
}
