using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;
using TranscribeBlazor.Transcripts.Editing;

namespace TranscribeBlazor.Tests.Transcripts;

/// <summary>One way to compare words, for finding a phrase and for telling which words a correction left alone.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class WordKeyTests
{
    [Theory]
    [InlineData("Hello", "hello")]
    [InlineData("hello,", "hello")]
    [InlineData("“Hello”", "hello")]
    [InlineData("\"hello!\"", "hello")]
    [InlineData("don't", "don't")]
    [InlineData("well-known", "well-known")]
    [InlineData("1984.", "1984")]
    [InlineData("Élan", "élan")]
    [InlineData("...", "")]
    public void AWord_ComparesByWhatIsSaid(string word, string key) => Assert.Equal(key, WordKey.Of(word));

    private static TranscriptItem W(string word, double start, double end) =>
        new(word, start, end, 0.9, true, TranscriptItemType.Pronunciation, null);

    [Fact]
    public void QuotesTypedAroundAWord_DoNotMakeItANewWord_ItKeepsItsTimeAndConfidence()
    {
        var items = WordAlignment.Align([W("he", 1.0, 1.2), W("said", 1.2, 1.5), W("hello", 1.6, 2.0)], "He said “hello”", 1.0);
        Assert.Equal((1.6, 2.0, 0.9), (items[2].StartTime, items[2].EndTime, items[2].Confidence));
        Assert.Equal("“hello”", items[2].Content);
    }

    [Fact]
    public void FindingAPhrase_IgnoresCaseAndMarks_OnBothSides()
    {
        var line = new TranscriptResult("r1", 1.0, 2.0, false,
            [TranscriptAlternative.FromItems([W("He", 1.0, 1.2), W("said", 1.2, 1.5), W("“hello”", 1.6, 2.0)])]);
        var match = Assert.Single(TranscriptSearch.Find([line], "SAID, hello"));
        Assert.Equal((1, 2, 1.2), (match.FirstWord, match.Words, match.StartTime));
        Assert.Empty(TranscriptSearch.Find([line], "said goodbye"));
    }
}
