using TranscribeBlazor.Engines.PocketSphinx.Pieces;

namespace TranscribeBlazor.Tests.Engines.PocketSphinx.Pieces;

/// <summary>Where a file is cut: in the middle of a pause once a piece is long enough, never inside speech.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class PauseSplitterTests
{
    private const int Rate = 16_000;

    [Fact]
    public void Cuts_FallHalfwayThroughPauses_AfterThePieceLength_NeverInsideSpeech()
    {
        // Speech-like bursts (noise at −20 dBFS over a −60 dBFS floor) of 0.3–2.5 s, with 0.1 s gaps (stops inside words) and
        // 0.7–1.5 s pauses at most 10.3 s apart, so every piece ends at a pause before it is twice its length.
        var random = new Random(7);
        var (audio, pauses) = Build(random, seconds: 300, floor: 30);
        var cuts = Split(audio, pieceSeconds: 10, chunk: 1_600);

        Assert.InRange(cuts.Count, 10, 30); // 300 s in pieces of 10–20 s
        long previous = 0;
        foreach (long cut in cuts)
        {
            var pause = pauses.FirstOrDefault(p => p.Start < cut && cut < p.End);
            Assert.True(pause != default, $"cut at {cut / (double)Rate:0.00} s is inside speech, {(cut - previous) / (double)Rate:0.00} s after the last");
            // Inside the pause with some of it on each side: 0.3 s into it when the piece was long enough as it began (0.15 s past 1.5× the length, where 0.3 s of pause will do).
            Assert.True(cut - pause.Start >= 0.14 * Rate && pause.End - cut >= 0.14 * Rate, $"cut {cut - pause.Start} samples into a pause of {pause.End - pause.Start}");
            long lengthAtPause = pause.Start - previous;
            if (lengthAtPause is >= 10 * Rate and < 14 * Rate) Assert.InRange(cut - pause.Start, (long)(0.29 * Rate), (long)(0.31 * Rate));
            if (lengthAtPause >= 15 * Rate) Assert.InRange(cut - pause.Start, (long)(0.14 * Rate), (long)(0.16 * Rate));
            Assert.True(cut - previous >= 9.7 * Rate, "a piece shorter than its length (less the 0.3 s of its pause that go with the next)");
            previous = cut;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(160)]
    [InlineData(1_600)]
    [InlineData(48_000)]
    public void TheCuts_DoNotDependOnHowTheAudioIsHandedOver(int chunk)
    {
        var (audio, _) = Build(new Random(3), seconds: 120, floor: 10);
        Assert.Equal(Split(audio, 10, 1_600), Split(audio, 10, chunk));
    }

    [Fact]
    public void WithoutAnyPause_APieceEndsAtTwiceItsLength_AtItsQuietestMoment()
    {
        // 50 s of speech with only 0.1 s gaps between bursts: no pause anywhere.
        var audio = new List<short>();
        var random = new Random(5);
        while (audio.Count < 50 * Rate)
        {
            audio.AddRange(Noise(random, random.Next(3_000, 20_000), 3_000));
            audio.AddRange(Noise(random, Rate / 10, 30));
        }
        var cuts = Split([.. audio], pieceSeconds: 10, chunk: 1_600);
        Assert.Equal(2, cuts.Count); // pieces of 20 s: at twice the length, in the last 0.3 s
        Assert.All(cuts.Zip(cuts.Prepend(0)), c => Assert.InRange(c.First - c.Second, 19.7 * Rate, 20 * Rate));
    }

    [Fact]
    public void ACutNeverFalls_InAudioAlreadyHandedToTheReader()
    {
        var (audio, _) = Build(new Random(11), seconds: 200, floor: 30);
        var splitter = new PauseSplitter(Rate, 10);
        var cuts = new List<long>();
        for (int at = 0; at < audio.Length; at += 1_600)
        {
            int before = cuts.Count;
            long heard = splitter.Heard; // the reader may have had everything up to heard − lag already
            splitter.Push(audio.AsSpan(at, Math.Min(1_600, audio.Length - at)), cuts);
            foreach (long cut in cuts.Skip(before))
                Assert.InRange(cut, heard - splitter.LagSamples, splitter.Heard);
        }
        Assert.NotEmpty(cuts);
    }

    internal static List<long> Split(short[] audio, double pieceSeconds, int chunk)
    {
        var splitter = new PauseSplitter(Rate, pieceSeconds);
        var cuts = new List<long>();
        for (int at = 0; at < audio.Length; at += chunk)
            splitter.Push(audio.AsSpan(at, Math.Min(chunk, audio.Length - at)), cuts);
        return cuts;
    }

    internal static (short[] Audio, List<(long Start, long End)> Pauses) Build(Random random, int seconds, short floor)
    {
        var audio = new List<short>();
        var pauses = new List<(long, long)>();
        while (audio.Count < seconds * Rate)
        {
            int words = random.Next(1, 5);
            for (int w = 0; w < words; w++)
            {
                audio.AddRange(Noise(random, random.Next((int)(0.3 * Rate), 5 * Rate / 2), 3_000));
                if (w < words - 1) audio.AddRange(Noise(random, Rate / 10, floor));
            }
            long start = audio.Count;
            audio.AddRange(Noise(random, random.Next(7 * Rate / 10, 3 * Rate / 2), floor));
            pauses.Add((start, audio.Count));
        }
        return ([.. audio], pauses);
    }

    internal static IEnumerable<short> Noise(Random random, int count, int amplitude) =>
        Enumerable.Range(0, count).Select(_ => (short)random.Next(-amplitude, amplitude + 1));
}
