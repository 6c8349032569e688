using TranscribeBlazor.Audio.Microphone;

namespace TranscribeBlazor.Tests.Audio.Microphone;

[Trait(Category.Name, Category.Unit)]
public sealed class MicrophoneMessagesTests
{
    [Theory]
    [InlineData("denied", "not allowed to use the microphone")]
    [InlineData("no-device", "No microphone was found")]
    [InlineData("unavailable", "another application may be using it")]
    [InlineData("insecure", "HTTPS")]
    [InlineData("unsupported", "cannot record audio")]
    public void EachReasonRecordingCannotStart_HasItsOwnMessage(string problem, string expected) =>
        Assert.Contains(expected, MicrophoneMessages.CannotStart(problem, "NotAllowedError: Permission denied"));

    [Fact]
    public void AnUnexpectedFailure_CarriesTheBrowsersOwnWords_Shortened()
    {
        Assert.Equal("The microphone could not be started (TypeError: boom).", MicrophoneMessages.CannotStart("failed", "TypeError: boom"));
        Assert.EndsWith("…).", MicrophoneMessages.CannotStart("failed", new string('x', 500)));
    }

    [Fact]
    public void StoppingOrClosing_NeedsNoExplanation() =>
        Assert.All([MicrophoneEnd.Stopped, MicrophoneEnd.Closed], end => Assert.Null(MicrophoneMessages.Ended(end, 3, TimeSpan.FromHours(4), 35)));

    [Fact]
    public void TheOtherEnds_SayWhenAndWhy()
    {
        Assert.Equal("The microphone was disconnected at 12.3 s; the transcript covers what was recorded until then.",
            MicrophoneMessages.Ended(MicrophoneEnd.Disconnected, 12.34, TimeSpan.FromHours(4), 35));
        Assert.Equal("Recordings are transcribed for at most 4 h; recording stopped there.",
            MicrophoneMessages.Ended(MicrophoneEnd.DurationLimit, 14_400, TimeSpan.FromHours(4), 35));
        Assert.Equal("Recordings are transcribed for at most 1.5 min; recording stopped there.",
            MicrophoneMessages.Ended(MicrophoneEnd.DurationLimit, 90, TimeSpan.FromSeconds(90), 35));
    }
}
