using System.Text.RegularExpressions;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Components;

public sealed class TranscriptPanelMarkupTests
{
    private static async Task<string> RenderAsync(SessionSnapshot snapshot) =>
        System.Net.WebUtility.HtmlDecode(await MarkupRenderer.RenderAsync<TranscriptPanel>(new() { [nameof(TranscriptPanel.Snapshot)] = snapshot }));

    private static int Count(string html, string testId) => Regex.Matches(html, $"data-testid=\"{testId}\"").Count;

    [Fact]
    public async Task Idle_HasTheIdleState_AndNoSegments()
    {
        var html = await RenderAsync(SessionSnapshot.Idle);
        Assert.Contains("data-state=\"idle\"", html);
        Assert.Equal(0, Count(html, "final"));
        Assert.Equal(0, Count(html, "partial"));
        Assert.Equal(0, Count(html, "cancel"));
    }

    [Fact]
    public async Task Running_ShowsFinalsWithTimeRanges_ThePartial_ProgressAndCancel()
    {
        var transcript = TranscriptState.Empty
            .Apply(Result("1", "first words", partial: false, start: 0.2, end: 6.8))
            .Apply(Result("2", "second words", partial: false, start: 8.3, end: 10.8))
            .Apply(Result("3", "being rewritten", partial: true, start: 12.3, end: 13));
        var snapshot = new SessionSnapshot(SessionStatus.Running, transcript, "talk.wav", "PocketSphinx (offline)",
            new AudioFormatInfo("WAV", "16-bit PCM", 2, 44_100, TimeSpan.FromSeconds(30)), 15, TimeSpan.FromSeconds(3), "Transcribing…");

        var html = await RenderAsync(snapshot);

        Assert.Contains("data-state=\"running\"", html);
        Assert.Equal(2, Count(html, "final"));
        Assert.Equal(1, Count(html, "partial"));
        Assert.Equal(1, Count(html, "cancel"));
        Assert.Matches("data-testid=\"final\"[^>]*>\\s*<span class=\"segment-time\">0:00.2 – 0:06.8</span>\\s*<span class=\"segment-text\">\\s*<span class=\"word\" data-testid=\"word\" data-start=\"0.2\" data-end=\"0.3\" title=\"0:00.2 – 0:00.3 · confidence 90 %\"[^>]*>first</span>", html);
        Assert.Contains("being rewritten", html);
        Assert.Contains("WAV · 16-bit PCM · 44.1 kHz · stereo · 0:30.0", html);
        Assert.Contains("15.0 s of 30.0 s · 0:03 elapsed · 5.0× real time", html);
        // Finals sit in the live region; the partial is kept out of it so screen readers are not flooded.
        Assert.Matches("aria-live=\"polite\"[^>]*>\\s*<li", html);
        Assert.Matches("data-testid=\"partial\"[^>]*aria-hidden=\"true\"|aria-hidden=\"true\"[^>]*data-testid=\"partial\"", html);
    }

    [Fact]
    public async Task Error_ShowsTheMessageInAnAlert_AndKeepsTheFinals()
    {
        var transcript = TranscriptState.Empty.Apply(Result("1", "kept words", partial: false));
        var snapshot = SessionSnapshot.Idle with { Status = SessionStatus.Error, Transcript = transcript, Message = "bad.wav: This is a text file, not audio." };
        var html = await RenderAsync(snapshot);

        Assert.Contains("data-state=\"error\"", html);
        Assert.Equal(1, Count(html, "error"));
        Assert.Contains("This is a text file, not audio.", html);
        Assert.Equal(1, Count(html, "final"));
        Assert.Equal(0, Count(html, "cancel"));
    }

    [Theory]
    [InlineData(SessionStatus.Done, "done")]
    [InlineData(SessionStatus.Cancelled, "cancelled")]
    public async Task EndStates_SayHowItEnded_WithoutCancelOrPartial(SessionStatus status, string state)
    {
        var snapshot = SessionSnapshot.Idle with { Status = status, Message = "Ended." };
        var html = await RenderAsync(snapshot);
        Assert.Contains($"data-state=\"{state}\"", html);
        Assert.Contains("Ended.", html);
        Assert.Equal(0, Count(html, "cancel"));
        Assert.Equal(0, Count(html, "error"));
    }
}
