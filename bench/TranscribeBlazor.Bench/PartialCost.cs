using System.Diagnostics;
using TranscribeBlazor.Engines.PocketSphinx;

namespace TranscribeBlazor.Bench;

/// <summary>
/// What one partial result costs the decoder: the hypothesis backtrace and word list the tracker asks
/// for after a chunk, timed directly (whole-run differences drown in the run-to-run noise). Each call
/// follows fresh audio, as in the product, so nothing is served from the decoder's cache.
/// </summary>
public static class PartialCost
{
    public static (double HypothesisMs, double WordsMs, double ChunkMs) Measure(short[] speech)
    {
        using var decoder = PocketSphinxDecoder.Create(new PocketSphinxOptions());
        decoder.ResetForSession();
        decoder.StartUtterance();
        long process = 0, hypothesis = 0, words = 0;
        int calls = 0;
        for (int i = 0; i + 1_600 <= speech.Length; i += 1_600, calls++)
        {
            long t0 = Stopwatch.GetTimestamp();
            decoder.Process(speech.AsSpan(i, 1_600));
            long t1 = Stopwatch.GetTimestamp();
            decoder.Hypothesis();
            long t2 = Stopwatch.GetTimestamp();
            decoder.Words(withConfidence: false);
            long t3 = Stopwatch.GetTimestamp();
            (process, hypothesis, words) = (process + t1 - t0, hypothesis + t2 - t1, words + t3 - t2);
        }
        decoder.EndUtterance();
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / calls;
        return (Ms(hypothesis), Ms(words), Ms(process));
    }
}
