using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines.PocketSphinx.Pieces;

/// <summary>
/// Puts the results of pieces decoded at once back in the file's order. The earliest unfinished piece
/// (the head) is passed through as it comes: its partials rewrite the live line, its finals settle. A
/// later piece's finals wait, and only its newest partial is kept; when the head finishes, the next
/// piece's waiting finals follow in order, then its newest partial if it is still being decoded.
/// Times are the file's already (each piece's decoder adds its offset). Not thread-safe: one caller at a time.
/// </summary>
internal sealed class PieceStitcher
{
    private readonly Dictionary<int, Waiting> _later = [];

    /// <summary>The earliest piece not finished: the one whose partial is on screen.</summary>
    public int Head { get; private set; }

    /// <summary>A result of <paramref name="piece"/>; adds to <paramref name="emit"/> what may be shown now.</summary>
    public void Add(int piece, TranscriptResult result, List<TranscriptResult> emit)
    {
        if (piece == Head)
        {
            emit.Add(result);
            return;
        }
        var waiting = Later(piece);
        if (result.IsPartial)
            waiting.Partial = result;
        else
        {
            waiting.Finals.Add(result);
            if (waiting.Partial?.ResultId == result.ResultId) waiting.Partial = null;
        }
    }

    /// <summary><paramref name="piece"/> is decoded to its end; adds to <paramref name="emit"/> what may be shown now.</summary>
    public void Complete(int piece, List<TranscriptResult> emit)
    {
        if (piece != Head)
        {
            Later(piece).Done = true;
            return;
        }
        Head++;
        while (_later.Remove(Head, out var next))
        {
            emit.AddRange(next.Finals);
            if (!next.Done)
            {
                if (next.Partial is { } partial) emit.Add(partial);
                return;
            }
            Head++;
        }
    }

    private Waiting Later(int piece)
    {
        if (piece < Head) throw new InvalidOperationException($"Piece {piece} was already finished (head is {Head}).");
        if (!_later.TryGetValue(piece, out var waiting)) _later[piece] = waiting = new Waiting();
        return waiting;
    }

    private sealed class Waiting
    {
        public List<TranscriptResult> Finals { get; } = [];
        public TranscriptResult? Partial { get; set; }
        public bool Done { get; set; }
    }
}
