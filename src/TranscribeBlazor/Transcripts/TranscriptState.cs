using System.Collections.Immutable;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Transcripts;

/// <summary>
/// The transcript as results arrive: a partial replaces the previous partial; a final settles its
/// result id (withdrawing that partial) and is appended. Immutable, so a render can hold a copy while
/// the session moves on.
/// </summary>
public sealed record TranscriptState(ImmutableList<TranscriptResult> Finals, TranscriptResult? Partial)
{
    public static TranscriptState Empty { get; } = new([], null);

    public TranscriptState Apply(TranscriptResult result)
    {
        if (result.IsPartial)
            return this with { Partial = result };

        var partial = Partial?.ResultId == result.ResultId ? null : Partial;
        // An empty final withdraws a partial that turned out to be noise; it is not a segment.
        var finals = result.Items.Count > 0 || result.Transcript.Length > 0 ? Finals.Add(result) : Finals;
        return new TranscriptState(finals, partial);
    }

    /// <summary>Text of every final, one utterance per line.</summary>
    public string FinalText => string.Join(Environment.NewLine, Finals.Select(f => f.Transcript));
}
