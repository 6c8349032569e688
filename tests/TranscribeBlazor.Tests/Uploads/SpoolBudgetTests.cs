using System.ComponentModel.DataAnnotations;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Tests.Uploads;

/// <summary>The spool space per client, in all, and the disk's reserve: what is taken, refused and given back.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class SpoolBudgetTests
{
    private const long MiB = 1L << 20;
    private const string Dir = "/spool";

    private static SpoolBudget Budget(long perClient, long total, long reserve = 0, Func<string, long>? free = null) =>
        new(new UploadOptions { MaxSpoolBytesPerClient = perClient, MaxSpoolBytes = total, SpoolFreeSpaceReserveBytes = reserve }, free ?? (_ => long.MaxValue));

    [Fact]
    public void AClient_IsHeldToItsShare_WhileOthersStillSpool_AndGetsItBackWhenItsUploadEnds()
    {
        var budget = Budget(perClient: 2 * MiB, total: 10 * MiB);
        using var first = budget.Open("A", Dir, null);
        first.Grow(MiB);
        using var second = budget.Open("A", Dir, null);
        second.Grow(MiB);

        var e = Assert.Throws<SpoolFullException>(() => second.Grow(1));
        Assert.Equal("This file does not fit in the upload space one user may fill at once (2 MB; your other tabs' uploads hold 2 MB). Try it again when your other transcriptions end.", e.Message);
        Assert.Equal(2 * MiB, budget.HeldBy("A")); // the refused byte was not taken

        using var theirs = budget.Open("B", Dir, null);
        theirs.Grow(2 * MiB);
        Assert.Equal(4 * MiB, budget.Total);

        first.Dispose();
        first.Dispose(); // given back once
        Assert.Equal(MiB, budget.HeldBy("A"));
        second.Grow(MiB);
        Assert.Equal(2 * MiB, budget.HeldBy("A"));
    }

    [Fact]
    public void TheServersTotal_RefusesEveryoneOnceFull_AndDisposingFreesIt()
    {
        var budget = Budget(perClient: 3 * MiB, total: 4 * MiB);
        var a = budget.Open("A", Dir, null);
        a.Grow(3 * MiB);
        using var b = budget.Open("B", Dir, null);
        b.Grow(MiB);

        var e = Assert.Throws<SpoolFullException>(() => b.Grow(1));
        Assert.Equal("The server's upload space is full (at most 4 MB for everyone's uploads at once). Try again in a few minutes; your other files are not affected.", e.Message);
        a.Dispose();
        b.Grow(MiB);
        Assert.Equal((2 * MiB, 0, 2 * MiB), (budget.Total, budget.HeldBy("A"), budget.HeldBy("B")));
    }

    [Fact]
    public void ASizeKnownToBeTooLarge_IsRefusedBeforeAnythingIsTaken()
    {
        var budget = Budget(perClient: 2 * MiB, total: 4 * MiB);
        Assert.Throws<SpoolFullException>(() => budget.Open("A", Dir, 2 * MiB + 1));
        using var fits = budget.Open("A", Dir, 2 * MiB);
        Assert.Equal(0, budget.Total);
    }

    [Fact]
    public void TheDisksReserve_IsKeptBeforeAndWhileSpooling_LookingAgainOnlyEverySoOften()
    {
        long free = 100 * MiB;
        int looks = 0;
        var budget = Budget(perClient: long.MaxValue / 2, total: long.MaxValue / 2, reserve: 64 * MiB, free: dir =>
        {
            Assert.Equal(Dir, dir);
            looks++;
            return free;
        });

        var e = Assert.Throws<SpoolFullException>(() => budget.Open("A", Dir, 37 * MiB)); // 100 - 37 < 64
        Assert.Equal("The server's disk is almost full (100 MB free, which it keeps in reserve), so it cannot take this file. Try again later, or tell whoever runs the server.", e.Message);

        using var upload = budget.Open("A", Dir, null);
        looks = 0;
        for (int i = 0; i < 256; i++) upload.Grow(64 * 1024); // 16 MiB in 64 KiB chunks, as the spool writes them
        Assert.Equal(0, looks); // within one interval: the disk was not asked again
        free = 70 * MiB; // someone else filled the disk meanwhile
        Assert.Throws<SpoolFullException>(() => upload.Grow(64 * 1024 * 100)); // 70 - 6.25 < 64
        Assert.Equal(1, looks);
        Assert.Equal(16 * MiB, upload.Taken);
    }

    [Fact]
    public async Task AnUploadThatOutgrowsItsAllowance_FailsForTheReader_AndGivesItAllBack()
    {
        var budget = Budget(perClient: MiB, total: MiB);
        string dir = Path.Combine(Path.GetTempPath(), "spool-budget-test-" + Guid.NewGuid().ToString("N"));
        var data = new byte[MiB + 1];
        await using (var spool = UploadSpool.Start(new MemoryStream(data), CancellationToken.None, dir, allowance: budget.Open("A", dir, null)))
        {
            await Assert.ThrowsAsync<SpoolFullException>(() => spool.OpenReader().CopyToAsync(Stream.Null).WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(MiB, budget.HeldBy("A")); // what was written is held until the run lets go of the spool
        }
        Assert.Equal(0, budget.Total);
        Directory.Delete(dir);
    }

    [Fact]
    public void APerClientShareLargerThanTheServersTotal_IsAnInvalidSetting_NamingBoth()
    {
        var options = new UploadOptions { MaxSpoolBytesPerClient = 8 * MiB, MaxSpoolBytes = 4 * MiB };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains("Transcription:MaxSpoolBytesPerClient (8388608) is larger than Transcription:MaxSpoolBytes (4194304)", Assert.Single(results).ErrorMessage);
        var defaults = new UploadOptions();
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), results = [], validateAllProperties: true));
    }
}
