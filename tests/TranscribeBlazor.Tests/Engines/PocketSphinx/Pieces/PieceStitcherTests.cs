using TranscribeBlazor.Engines.PocketSphinx.Pieces;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Engines.PocketSphinx.Pieces;

/// <summary>Pieces finishing in any order read as one transcript in the file's order; the live line is the earliest unfinished piece's.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class PieceStitcherTests
{
    [Fact]
    public void ALaterPiecesFinals_WaitForTheEarlierPiece_ThenFollowInOrder_WithItsNewestPartialShown()
    {
        var stitcher = new PieceStitcher();
        var shown = new List<TranscriptResult>();

        stitcher.Add(1, Partial("1-0", "later"), shown);
        stitcher.Add(1, Final("1-0", 20, "later words"), shown);
        stitcher.Add(2, Final("2-0", 40, "last"), shown);
        stitcher.Complete(2, shown);
        stitcher.Add(1, Partial("1-1", "still"), shown);
        stitcher.Add(1, Partial("1-1", "still going"), shown);
        Assert.Empty(shown); // nothing of pieces 1 and 2 while piece 0 is unfinished

        stitcher.Add(0, Partial("0-0", "first"), shown);
        stitcher.Add(0, Final("0-0", 0, "first words"), shown);
        Assert.Equal(["first", "first words"], shown.Select(r => r.Transcript));

        stitcher.Complete(0, shown);
        Assert.Equal(["first", "first words", "later words", "still going"], shown.Select(r => r.Transcript)); // piece 1's finals, then its newest partial
        Assert.Equal(1, stitcher.Head);

        stitcher.Add(1, Final("1-1", 30, "still going on"), shown); // the head: through at once
        stitcher.Complete(1, shown);
        Assert.Equal(["later words", "still going", "still going on", "last"], shown.Skip(2).Select(r => r.Transcript)); // piece 2 had finished: flushed behind it
        Assert.Equal(3, stitcher.Head);

        var state = shown.Aggregate(TranscriptState.Empty, (s, r) => s.Apply(r));
        Assert.Null(state.Partial);
        Assert.Equal([0.0, 20, 30, 40], state.Finals.Select(f => f.StartTime));
    }

    [Fact]
    public void APartialOfALaterPiece_SettledWhileWaiting_IsNotShownAgain()
    {
        var stitcher = new PieceStitcher();
        var shown = new List<TranscriptResult>();
        stitcher.Add(1, Partial("1-0", "noise"), shown);
        stitcher.Add(1, Final("1-0", 20, ""), shown); // the partial turned out to be noise
        stitcher.Complete(0, shown);
        Assert.Equal([""], shown.Select(r => r.Transcript));
        Assert.All(shown, r => Assert.False(r.IsPartial));
    }

    private static TranscriptResult Partial(string id, string text) => Result(id, 0, text, partial: true);

    private static TranscriptResult Final(string id, double start, string text) => Result(id, start, text, partial: false);

    private static TranscriptResult Result(string id, double start, string text, bool partial) =>
        new(id, start, start + 1, partial, [TranscriptAlternative.FromItems(text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select((w, i) => new TranscriptItem(w, start + i * 0.1, start + i * 0.1 + 0.1, null, !partial)).ToList())]);
}
