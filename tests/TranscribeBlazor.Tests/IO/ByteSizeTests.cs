using TranscribeBlazor.IO;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.IO;

[Trait(Category.Name, Category.Unit)]
public sealed class ByteSizeTests
{
    [Theory]
    [InlineData(0, "0 KB")]
    [InlineData(1, "1 KB")]
    [InlineData(999_999, "1000 KB")]
    [InlineData(12_345_678, "12.3 MB")]
    [InlineData(1_500_000_000, "1.50 GB")]
    public void AFile_ReadsInDecimalUnits_AsFileManagersShowIt(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.OfFile(bytes));

    [Theory]
    [InlineData(1000, "1000 bytes")]
    [InlineData(48 * 1024, "48 KB")]
    [InlineData(16_000, "15.6 KB")]
    [InlineData(4L << 20, "4 MB")]
    [InlineData(2L << 30, "2 GB")]
    [InlineData((16L << 30) + (1L << 29), "16.5 GB")]
    public void ALimit_ReadsInBinaryUnits_InItsOwnUnit(long bytes, string expected) =>
        Assert.Equal(expected, ByteSize.Format(bytes));
}
