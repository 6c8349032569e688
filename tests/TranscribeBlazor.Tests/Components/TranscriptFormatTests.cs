using TranscribeBlazor.Components.Transcript;

namespace TranscribeBlazor.Tests.Components;

public sealed class TranscriptFormatTests
{
    [Theory]
    [InlineData(0, "0:00.0")]
    [InlineData(7.34, "0:07.3")]
    [InlineData(59.96, "1:00.0")]
    [InlineData(125.5, "2:05.5")]
    [InlineData(3_725.25, "1:02:05.3")]
    [InlineData(-1, "0:00.0")]
    public void Clock_ReadsAsMinutesSecondsTenths(double seconds, string expected) =>
        Assert.Equal(expected, TranscriptFormat.Clock(seconds));

    [Fact]
    public void Describe_NamesRateChannelsAndDuration() =>
        Assert.Equal("WAV · 16-bit PCM · 22.05 kHz · mono · 0:02.0",
            TranscriptFormat.Describe(new TranscribeBlazor.Audio.WavFormat(1, 22_050, 16, TranscribeBlazor.Audio.WavSampleEncoding.Pcm16, 88_200).ToInfo()));
}
