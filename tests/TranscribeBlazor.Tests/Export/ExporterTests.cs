using TranscribeBlazor.Export;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Export;

[Trait(Category.Name, Category.Unit)]
public sealed class ExporterTests
{
    private static string Expected(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Export", "Expected", name));

    [Theory]
    [InlineData(ExportFormat.Txt, "conversation.txt")]
    [InlineData(ExportFormat.Srt, "conversation.srt")]
    [InlineData(ExportFormat.Vtt, "conversation.vtt")]
    [InlineData(ExportFormat.Json, "conversation.json")]
    public void EachFormat_MatchesItsExpectedFile(ExportFormat format, string expected) =>
        Assert.Equal(Expected(expected), TranscriptExporter.Export(ExportSamples.Conversation, format));

    [Theory]
    [InlineData(0, ',', "00:00:00,000")]
    [InlineData(1.2345, ',', "00:00:01,235")]
    [InlineData(59.9996, '.', "00:01:00.000")]
    [InlineData(3_725.25, '.', "01:02:05.250")]
    [InlineData(360_000, ',', "100:00:00,000")]
    [InlineData(-3, '.', "00:00:00.000")]
    public void Timestamps_HaveHoursMinutesSecondsAndMilliseconds(double seconds, char separator, string expected) =>
        Assert.Equal(expected, TranscriptExporter.Timestamp(seconds, separator));

    [Theory]
    [InlineData(ExportFormat.Txt, "")]
    [InlineData(ExportFormat.Srt, "")]
    [InlineData(ExportFormat.Vtt, "WEBVTT\n\n")]
    public void AnEmptyTranscript_GivesAnEmptyButValidFile(ExportFormat format, string expected) =>
        Assert.Equal(expected, TranscriptExporter.Export([], format));

    [Fact]
    public void AnEmptyTranscript_AsJson_HasNoResults() =>
        Assert.Contains("\"Results\": []", TranscriptExporter.Json([]));

    [Fact]
    public void ASingleWord_IsOneCue()
    {
        var result = new TranscriptResult("x", 1, 1.5, false, [TranscriptAlternative.FromItems([new TranscriptItem("hi", 1, 1.5, 0.9, true)])]);
        Assert.Equal("1\n00:00:01,000 --> 00:00:01,500\nhi\n\n", TranscriptExporter.Srt([result]));
    }

    [Fact]
    public void Lines_BreakBetweenWords_AtFortyTwoCharacters_AndNeverSplitAWord()
    {
        var words = "the quick brown fox jumps over the lazy dog and keeps on running far away supercalifragilisticexpialidociousnessisveryverylong".Split(' ');
        var lines = CaptionCues.Lines(words);
        Assert.All(lines.Take(lines.Count - 1), l => Assert.InRange(l.Length, 1, CaptionCues.MaxLineLength));
        Assert.Equal(string.Join(' ', words), string.Join(' ', lines));
        Assert.Equal("supercalifragilisticexpialidociousnessisveryverylong", lines[^1]);
    }

    [Theory]
    [InlineData("and the deep trenches and i can see steal it", "and the deep trenches", "and i can see steal it")]
    [InlineData("when forty when terrorists out it seems that around", "when forty when terrorists", "out it seems that around")]
    [InlineData("one two", "one two", null)]
    public void TwoLines_AreBalanced_NotFilledGreedily(string text, string top, string? bottom) =>
        Assert.Equal(bottom is null ? [top] : [top, bottom], CaptionCues.Lines(text.Split(' ')));

    [Fact]
    public void Cues_NeverExceedTwoLinesOrSixSeconds_AndPartialsAreLeftOut()
    {
        var partial = ExportSamples.Conversation[0] with { IsPartial = true, ResultId = "p" };
        var cues = CaptionCues.From([.. ExportSamples.Conversation, partial]);
        Assert.All(cues, c =>
        {
            Assert.InRange(c.Lines.Count, 1, CaptionCues.MaxLines);
            Assert.True(c.End - c.Start <= CaptionCues.MaxSeconds + 1e-9);
        });
        Assert.Equal(cues.Count, CaptionCues.From(ExportSamples.Conversation).Count);
    }

    [Theory]
    [InlineData("interview.m4a", ExportFormat.Srt, "interview.srt")]
    [InlineData("../../etc/passwd", ExportFormat.Txt, "passwd.txt")]
    [InlineData("a<b>:c?.wav", ExportFormat.Vtt, "a_b__c_.vtt")]
    [InlineData(null, ExportFormat.Json, "transcript.json")]
    [InlineData("   ", ExportFormat.Json, "transcript.json")]
    public void DownloadNames_ComeFromTheFileName_Safely(string? source, ExportFormat format, string expected) =>
        Assert.Equal(expected, ExportFormats.FileName(source, format));
}
