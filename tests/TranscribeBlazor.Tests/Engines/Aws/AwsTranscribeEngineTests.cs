using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Engines.Aws;

[Trait(Category.Name, Category.Engine)]
public sealed class AwsTranscribeEngineTests(FakeTranscribeFixture fixture) : IClassFixture<FakeTranscribeFixture>
{
    private FakeTranscribeServer Server => fixture.Server;

    private static AwsTranscribeEngine Engine(AwsTranscribeOptions options) =>
        new(new AwsCredentialSource(Options.Create(options), TimeProvider.System), Options.Create(options), TimeProvider.System, NullLogger<AwsTranscribeEngine>.Instance);

    private static async IAsyncEnumerable<ReadOnlyMemory<short>> Audio(byte[] wav, TimeSpan? stallAfterFirstSecond = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var reader = await EngineAudioReader.OpenAsync(new MemoryStream(wav), 16_000, AudioInputOptions.Default, cancellationToken);
        int sent = 0;
        bool stalled = false;
        await foreach (var chunk in reader.ReadChunksAsync(cancellationToken))
        {
            if (stallAfterFirstSecond is { } stall && !stalled && sent >= 16_000)
            {
                stalled = true;
                await Task.Delay(stall, cancellationToken);
            }
            sent += chunk.Length;
            yield return chunk;
        }
    }

    private static async Task<(List<TranscriptResult> Results, Exception? Error)> RunAsync(AwsTranscribeEngine engine, IAsyncEnumerable<ReadOnlyMemory<short>> audio, TranscriptionRequest? request = null)
    {
        var results = new List<TranscriptResult>();
        try
        {
            await foreach (var r in engine.TranscribeAsync(audio, request ?? TranscriptionRequest.Default, CancellationToken.None))
                results.Add(r);
            return (results, null);
        }
        catch (Exception e)
        {
            return (results, e);
        }
    }

    private static byte[] Speech => TestAssets.JoinedLibriVoxWav(out _);

    [PocketSphinxFact]
    public async Task ARealSpeechFile_StreamsThrough_WithPartialsThenFinals()
    {
        Server.Behavior = FakeBehavior.Normal;
        var (results, error) = await RunAsync(Engine(Server.ClientOptions()), Audio(File.ReadAllBytes(TestAssets.LibriVox()[0].Path)));

        Assert.Null(error);
        Assert.True(results.Count(r => r.IsPartial) >= 3);
        var final = Assert.Single(results, r => !r.IsPartial && r.Transcript.Length > 0);
        Assert.Contains("leisure", final.Transcript);
        Assert.Equal("ch_0", final.ChannelId);
        Assert.True(Server.SawEndOfStream);
        Assert.InRange(Server.LargestFrameBytes, 1, 3_200); // 100 ms AudioEvents
        Assert.Equal("en-US", Server.LastQuery["language-code"]);
    }

    [PocketSphinxFact]
    public async Task Options_ReachTheService_AndSpeakersAndRedactionComeBack()
    {
        Server.Behavior = FakeBehavior.Normal;
        var request = new TranscriptionRequest
        {
            Aws = new StreamSettings { LanguageCode = "en-US", ShowSpeakerLabel = true, RedactPii = true, PartialResultsStabilization = true, PartialResultsStability = "low", VocabularyName = "names-v2" },
        };
        var (results, error) = await RunAsync(Engine(Server.ClientOptions()), Audio(File.ReadAllBytes(TestAssets.LibriVox()[0].Path)), request);

        Assert.Null(error);
        Assert.Equal("true", Server.LastQuery["show-speaker-label"]);
        Assert.Equal("PII", Server.LastQuery["content-redaction-type"]);
        Assert.Equal("low", Server.LastQuery["partial-results-stability"]);
        Assert.Equal("names-v2", Server.LastQuery["vocabulary-name"]);
        var final = results.Last(r => !r.IsPartial);
        Assert.All(final.Items, i => Assert.Equal("0", i.Speaker));
        Assert.Contains(final.Items, i => i.Redacted && i.Content == "[PII]");
        Assert.Contains(results.Where(r => r.IsPartial), r => r.Items.Any(i => i.Stable) && r.Items.Any(i => !i.Stable));
    }

    [PocketSphinxFact]
    public async Task PacingAtRealTime_TakesAboutAsLongAsTheAudio()
    {
        Server.Behavior = FakeBehavior.Normal;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (_, error) = await RunAsync(Engine(Server.ClientOptions(pacing: 1.0)), Audio(File.ReadAllBytes(TestAssets.LibriVox()[1].Path)));
        Assert.Null(error);
        // 2.99 s of audio, sent no faster than it plays. The upper bound only catches a stuck pacer: the fake service
        // recognises with PocketSphinx on the same two cores as the parallel browser tests, which can add seconds.
        Assert.InRange(clock.Elapsed.TotalSeconds, 2.7, 12);
    }

    [PocketSphinxFact]
    public async Task AStalledSource_IsBridgedWithSilence_AndTimesStayTheFilesOwn()
    {
        Server.Behavior = FakeBehavior.Normal;
        Server.IdleTimeout = TimeSpan.FromSeconds(1);
        try
        {
            var options = Server.ClientOptions();
            options.KeepAliveSeconds = 0.3;
            var (results, error) = await RunAsync(Engine(options), Audio(File.ReadAllBytes(TestAssets.LibriVox()[0].Path), stallAfterFirstSecond: TimeSpan.FromSeconds(2.5)));
            Assert.Null(error);
            var final = results.Last(r => !r.IsPartial);
            Assert.Contains("leisure", final.Transcript);
            Assert.InRange(final.EndTime, 6, 7.2); // without mapping back, 2.5 s of inserted silence would push it past 8.5 s
        }
        finally
        {
            Server.IdleTimeout = TimeSpan.FromSeconds(15);
        }
    }

    [PocketSphinxFact]
    public async Task WithoutKeepAlive_TheServiceIdleTimeout_IsReportedAsSuch()
    {
        Server.Behavior = FakeBehavior.Normal;
        Server.IdleTimeout = TimeSpan.FromSeconds(0.5);
        try
        {
            var options = Server.ClientOptions();
            options.KeepAliveSeconds = 10;
            var (_, error) = await RunAsync(Engine(options), Audio(File.ReadAllBytes(TestAssets.LibriVox()[0].Path), stallAfterFirstSecond: TimeSpan.FromSeconds(2)));
            var e = Assert.IsType<AwsTranscribeException>(error);
            Assert.Equal(AwsErrorKind.IdleTimeout, e.Kind);
            Assert.StartsWith("Amazon Transcribe ended the stream because it received no audio for 15 seconds.", e.Message);
        }
        finally
        {
            Server.IdleTimeout = TimeSpan.FromSeconds(15);
        }
    }

    [PocketSphinxTheory]
    [InlineData("BadRequestException", AwsErrorKind.BadRequest, "rejected the stream")]
    [InlineData("LimitExceededException", AwsErrorKind.LimitExceeded, "limits were exceeded")]
    [InlineData("InternalFailureException", AwsErrorKind.InternalFailure, "internal failure")]
    [InlineData("ConflictException", AwsErrorKind.Conflict, "conflict")]
    [InlineData("ServiceUnavailableException", AwsErrorKind.ServiceUnavailable, "unavailable right now")]
    public async Task EachServiceException_HasItsMessage_AndTheTranscriptSoFarIsKept(string type, AwsErrorKind kind, string says)
    {
        Server.Behavior = FakeBehavior.Exception(type, message: "injected by the test");
        var (results, error) = await RunAsync(Engine(Server.ClientOptions()), Audio(Speech));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(kind, e.Kind);
        Assert.Contains(says, e.Message);
        Assert.Contains("\"injected by the test\"", e.Message);
        Assert.Contains(results, r => !r.IsPartial && r.Transcript.Contains("leisure")); // the first utterance (7 s) had settled
    }

    [PocketSphinxFact]
    public async Task ASocketDroppedMidStream_IsAConnectionLoss_AndKeepsTheTranscript()
    {
        Server.Behavior = FakeBehavior.Drop();
        var (results, error) = await RunAsync(Engine(Server.ClientOptions()), Audio(Speech));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(AwsErrorKind.ConnectionLost, e.Kind);
        Assert.NotEmpty(results);
    }

    [PocketSphinxTheory]
    [InlineData(FrameDamage.PreludeCrc)]
    [InlineData(FrameDamage.MessageCrc)]
    [InlineData(FrameDamage.Payload)]
    [InlineData(FrameDamage.NotAFrame)]
    public async Task ADamagedFrameFromTheService_IsAProtocolError_AndKeepsTheTranscript(FrameDamage damage)
    {
        Server.Behavior = new FakeBehavior { FailAfterFirstFinal = true, Corrupt = damage };
        var (results, error) = await RunAsync(Engine(Server.ClientOptions()), Audio(Speech));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(AwsErrorKind.Protocol, e.Kind);
        Assert.Contains("could not be read", e.Message);
        Assert.Contains(results, r => !r.IsPartial && r.Transcript.Contains("leisure"));
        Assert.DoesNotContain(results, r => r.ResultId == "after");
    }

    [PocketSphinxFact]
    public async Task AServiceThatGoesSilentMidStream_IsReported_AndKeepsTheTranscript()
    {
        Server.Behavior = new FakeBehavior { FailAfterFirstFinal = true, StallMidStream = true };
        var options = Server.ClientOptions();
        options.ResponseTimeoutSeconds = 2;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (results, error) = await RunAsync(Engine(options), Audio(Speech));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(AwsErrorKind.NoResponse, e.Kind);
        Assert.Contains(results, r => !r.IsPartial && r.Transcript.Contains("leisure"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [PocketSphinxFact]
    public async Task AServiceThatStallsAfterTheAudio_IsReported_NotWaitedOnForever()
    {
        Server.Behavior = new FakeBehavior { StallAfterEnd = true };
        var options = Server.ClientOptions();
        options.ResponseTimeoutSeconds = 1;
        var (_, error) = await RunAsync(Engine(options), Audio(File.ReadAllBytes(TestAssets.LibriVox()[1].Path)));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(AwsErrorKind.NoResponse, e.Kind);
    }

    [PocketSphinxTheory]
    [InlineData(HttpStatusCode.Forbidden, "AccessDeniedException", AwsErrorKind.AccessDenied, "not allowed to use Amazon Transcribe")]
    [InlineData(HttpStatusCode.Forbidden, "ExpiredTokenException", AwsErrorKind.ExpiredCredentials, "have expired")]
    [InlineData(HttpStatusCode.TooManyRequests, "ThrottlingException", AwsErrorKind.LimitExceeded, "limits were exceeded")]
    public async Task HandshakeRefusals_AreNamed(HttpStatusCode status, string errorType, AwsErrorKind kind, string says)
    {
        Server.Behavior = FakeBehavior.Refuse(status, errorType);
        var (_, error) = await RunAsync(Engine(Server.ClientOptions()), Audio(File.ReadAllBytes(TestAssets.LibriVox()[1].Path)));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(kind, e.Kind);
        Assert.Contains(says, e.Message);
    }

    [PocketSphinxFact]
    public async Task AWrongSecret_FailsTheServersSignatureCheck_AndSaysTheKeyIsWrong_WithoutShowingIt()
    {
        Server.Behavior = FakeBehavior.Normal;
        var options = Server.ClientOptions();
        options.SecretAccessKey = "not-the-secret";
        var (_, error) = await RunAsync(Engine(options), Audio(File.ReadAllBytes(TestAssets.LibriVox()[1].Path)));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(AwsErrorKind.BadCredentials, e.Kind);
        Assert.Contains("AKID…BE01", e.Message);
        Assert.DoesNotContain("not-the-secret", e.Message);
        Assert.DoesNotContain(FakeTranscribeServer.AccessKey, e.Message);
    }

    [Fact]
    public async Task NoNetwork_SaysWhichHostCouldNotBeReached()
    {
        var options = new AwsTranscribeOptions { Endpoint = "ws://127.0.0.1:9", AccessKeyId = "AKIDEXAMPLE0000", SecretAccessKey = "x", Region = "us-east-1" };
        var (_, error) = await RunAsync(Engine(options), Audio(WavBuilder.Pcm16(new short[1_600], 16_000, 1)));
        var e = Assert.IsType<AwsTranscribeException>(error);
        Assert.Equal(AwsErrorKind.NoNetwork, e.Kind);
        Assert.StartsWith("Cannot reach Amazon Transcribe at 127.0.0.1:9:", e.Message);
    }

    [Fact]
    public async Task HalfAKeyPair_IsUnavailable_WithTheReason()
    {
        var engine = Engine(new AwsTranscribeOptions { AccessKeyId = "AKIDEXAMPLE0000" });
        var availability = await engine.CheckAvailabilityAsync();
        Assert.False(availability.IsAvailable);
        Assert.Contains("only half a key pair", availability.Reason);
    }

    [PocketSphinxFact]
    public async Task ASourceThatFailsMidStream_SurfacesItsOwnError_NotAConnectionLoss()
    {
        Server.Behavior = FakeBehavior.Normal;
        static async IAsyncEnumerable<ReadOnlyMemory<short>> Failing()
        {
            for (int i = 0; i < 10; i++)
            {
                await Task.Yield();
                yield return new short[1_600];
            }
            throw new AudioFormatException(AudioError.UndecodableAudio, "The FLAC file could not be decoded to the end.");
        }
        var (_, error) = await RunAsync(Engine(Server.ClientOptions()), Failing());
        var e = Assert.IsType<AudioFormatException>(error);
        Assert.Equal("The FLAC file could not be decoded to the end.", e.Message);
    }
}

public sealed class PocketSphinxTheoryAttribute : TheoryAttribute
{
    public PocketSphinxTheoryAttribute()
    {
        if (!TestAssets.PocketSphinxAvailable || !TestAssets.LibriVoxAvailable)
            Skip = "Needs Debian packages libpocketsphinx3, pocketsphinx-en-us and pocketsphinx-testdata (.ci/run installs them).";
    }
}

[Trait(Category.Name, Category.Engine)]
public sealed class AwsCommandLineTests(FakeTranscribeFixture fixture) : IClassFixture<FakeTranscribeFixture>
{
    [PocketSphinxFact]
    public async Task TheVerb_TakesEngineAws_AndItsConfigurationOnTheCommandLine()
    {
        fixture.Server.Behavior = FakeBehavior.Normal;
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await TranscribeBlazor.Cli.TranscribeCommand.RunAsync(
        [
            TestAssets.LibriVox()[1].Path, "--engine", "aws", "--format", "text",
            $"--Transcription:Aws:Endpoint={fixture.Server.Endpoint}",
            $"--Transcription:Aws:AccessKeyId={FakeTranscribeServer.AccessKey}",
            $"--Transcription:Aws:SecretAccessKey={FakeTranscribeServer.SecretKey}",
            "--Transcription:Aws:PacingFactor=8",
        ], stdout, stderr);

        Assert.Equal("", stderr.ToString());
        Assert.Equal(0, code);
        Assert.Contains("young man", stdout.ToString());
    }

    [Fact]
    public async Task WithoutCredentials_TheVerbSaysWhy_AndExitsThree()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await TranscribeBlazor.Cli.TranscribeCommand.RunAsync(
            ["/dev/null", "--engine", "aws", "--Transcription:Aws:AccessKeyId=AKIDEXAMPLE0000"], stdout, stderr);
        Assert.Equal(3, code);
        Assert.Contains("Amazon Transcribe is unavailable: Transcription:Aws has only half a key pair", stderr.ToString());
    }
}
