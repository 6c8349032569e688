using TranscribeBlazor.Tests.Export;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Transcripts;

[Trait(Category.Name, Category.Unit)]
public sealed class WordTimelineTests
{
    private static readonly WordTimeline Timeline = new(ExportSamples.Conversation);

    [Theory]
    [InlineData(0.0, -1)]    // before the first word
    [InlineData(0.5, 0)]     // "hello" starts
    [InlineData(0.92, 0)]    // between hello (ends 0.9) and there (0.95): hello lingers
    [InlineData(0.95, 1)]    // "there"
    [InlineData(1.7, 1)]     // pause after "there" (ends 1.3), within the linger
    [InlineData(1.9, -1)]    // the pause ran past the linger
    [InlineData(2.55, 4)]    // "[PII]" (and, mister, [PII]): index counts words, not punctuation
    [InlineData(8.1, 23)]    // "yes"
    [InlineData(3_725.5, 25)] // the last word, an hour in
    [InlineData(99_999, -1)]
    public void IndexAt_FindsTheWordBeingSpoken(double seconds, int expected) =>
        Assert.Equal(expected, Timeline.IndexAt(seconds));

    [Fact]
    public void AnEmptyTranscript_HasNoWordAtAnyTime() => Assert.Equal(-1, new WordTimeline([]).IndexAt(1));
}
