namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>A word of a PocketSphinx hypothesis, with its frames (100 per second by default).</summary>
/// <param name="Confidence">Posterior probability, or null when the search has not computed one (partials).</param>
internal readonly record struct DecodedWord(string Word, int StartFrame, int EndFrame, double? Confidence);
