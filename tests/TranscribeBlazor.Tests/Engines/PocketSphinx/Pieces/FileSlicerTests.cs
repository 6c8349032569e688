using TranscribeBlazor.Engines.PocketSphinx.Pieces;

namespace TranscribeBlazor.Tests.Engines.PocketSphinx.Pieces;

/// <summary>The pieces a file is read into: together exactly the file, each starting where the one before ended, readable while they grow.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class FileSlicerTests
{
    private const int Rate = 16_000;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ThePieces_AreTheFileInOrder_WithTheirStartsInTheFile_AtThePausesCuts()
    {
        var (audio, _) = PauseSplitterTests.Build(new Random(13), seconds: 120, floor: 20);
        var slicer = new FileSlicer(Rate, pieceSeconds: 10);
        var pieces = new List<AudioPiece>();
        for (int at = 0; at < audio.Length; at += 1_600)
            slicer.Push(audio.AsSpan(at, Math.Min(1_600, audio.Length - at)), pieces.Add);
        slicer.Finish();

        Assert.Equal(PauseSplitterTests.Split(audio, 10, 1_600), pieces.Skip(1).Select(p => p.StartSample));
        Assert.Equal(Enumerable.Range(0, pieces.Count), pieces.Select(p => p.Index));
        var joined = new List<short>();
        foreach (var piece in pieces)
        {
            Assert.True(piece.IsSealed);
            Assert.Equal(joined.Count, piece.StartSample);
            await foreach (var chunk in piece.ReadAsync(1_600, CancellationToken.None))
                joined.AddRange(chunk.ToArray());
        }
        Assert.Equal(audio, joined);
    }

    [Fact]
    public async Task AGrowingPiece_CanBeRead_UpToItsLast0_3Seconds_ThenWaitsForMore()
    {
        var slicer = new FileSlicer(Rate, pieceSeconds: 10);
        AudioPiece? first = null;
        slicer.Push(new short[Rate], p => first ??= p); // 1 s in
        var read = new List<short>();
        using var cancel = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            await foreach (var chunk in first!.ReadAsync(1_600, cancel.Token))
                lock (read) read.AddRange(chunk.ToArray());
        });
        await Support.Signals.WaitUntilAsync(() => { lock (read) return read.Count == Rate - 3 * Rate / 10; }, Bound); // 0.3 s held back: a cut may still fall there
        Assert.False(reading.IsCompleted);
        slicer.Finish();
        await reading.WaitAsync(Bound);
        Assert.Equal(Rate, read.Count);
    }
}
