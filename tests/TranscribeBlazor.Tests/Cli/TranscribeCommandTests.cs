using System.Text.Json;
using TranscribeBlazor.Cli;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Cli;

[Trait(Category.Name, Category.Engine)]
public sealed class TranscribeCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await TranscribeCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [PocketSphinxFact]
    public async Task Jsonl_PrintsOneObjectPerResultEvent_PartialsThenFinals()
    {
        var (code, stdout, stderr) = await RunAsync(TestAssets.LibriVox()[1].Path, "--format", "jsonl");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);

        var events = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("isPartial").GetBoolean());
        var final = events.Last();
        Assert.False(final.GetProperty("isPartial").GetBoolean());
        Assert.Contains("young man", final.GetProperty("transcript").GetString());
        foreach (var name in new[] { "resultId", "startTime", "endTime", "items" })
            Assert.True(final.TryGetProperty(name, out _), $"missing {name}");
        var word = final.GetProperty("items")[0];
        Assert.True(word.GetProperty("endTime").GetDouble() > word.GetProperty("startTime").GetDouble());
        Assert.InRange(word.GetProperty("confidence").GetDouble(), 0, 1);
    }

    [PocketSphinxFact]
    public async Task Text_PrintsOnlyTheFinalTranscript()
    {
        var (code, stdout, _) = await RunAsync(TestAssets.LibriVox()[1].Path, "--format", "text");
        Assert.Equal(0, code);
        Assert.Equal("he was not an illness those young man", stdout.Trim());
    }

    [PocketSphinxFact]
    public async Task TheExportFormats_AreTheSameAsThePages()
    {
        var (code, srt, _) = await RunAsync(TestAssets.LibriVox()[1].Path, "--format", "srt");
        Assert.Equal(0, code);
        Assert.Matches(@"^1\n00:00:0\d,\d{3} --> 00:00:0\d,\d{3}\nhe was not an illness those young man\n\n$", srt);
        var (_, vtt, _) = await RunAsync(TestAssets.LibriVox()[1].Path, "--format", "vtt");
        Assert.StartsWith("WEBVTT\n\n", vtt);
        var (_, json, _) = await RunAsync(TestAssets.LibriVox()[1].Path, "--format", "json");
        Assert.Equal(1, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("Transcript").GetProperty("Results").GetArrayLength());
        var (_, txt, _) = await RunAsync(TestAssets.LibriVox()[1].Path, "--format", "txt");
        Assert.Equal("he was not an illness those young man\n", txt);
    }

    [Fact]
    public async Task ABadFile_ExitsWithCodeTwo_AndTheSameMessageAsTheUi()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-audio-{Guid.NewGuid():N}.wav");
        await File.WriteAllTextAsync(path, "just some text\n");
        try
        {
            var (code, stdout, stderr) = await RunAsync(path);
            Assert.Equal(2, code);
            Assert.Equal("", stdout);
            Assert.Equal("This is a text file, not audio. Drop a recording (WAV, FLAC, Ogg, MP3, M4A, AAC, AMR, 3GP, AIFF, CAF, WMA, WebM, MKV, or a video (MP4, MOV, MKV, WebM)).", stderr.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new string[0], "No file given.")]
    [InlineData(new[] { "a.wav", "--format", "xml" }, "Unknown format 'xml' (jsonl, txt, srt, vtt or json)")]
    [InlineData(new[] { "a.wav", "--frobnicate" }, "Unknown option --frobnicate")]
    [InlineData(new[] { "a.wav", "b.wav" }, "Only one file at a time")]
    public async Task UsageErrors_ExitWithCodeOne(string[] args, string message)
    {
        var (code, _, stderr) = await RunAsync(args);
        Assert.Equal(1, code);
        Assert.Contains(message, stderr);
        Assert.Contains("usage: transcribe FILE", stderr);
    }

    [Fact]
    public async Task AMissingFile_SaysSo()
    {
        var (code, _, stderr) = await RunAsync("/nonexistent/recording.wav");
        Assert.Equal(2, code);
        Assert.Contains("No such file: /nonexistent/recording.wav", stderr);
    }
}
