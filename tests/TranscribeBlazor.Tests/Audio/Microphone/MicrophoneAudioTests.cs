using System.Runtime.InteropServices;
using TranscribeBlazor.Audio.Microphone;

namespace TranscribeBlazor.Tests.Audio.Microphone;

[Trait(Category.Name, Category.Unit)]
public sealed class MicrophoneAudioTests
{
    private static readonly MicrophoneLimits Limits = new(BufferSeconds: 0.5, MaxDuration: TimeSpan.FromHours(1), StallTimeout: TimeSpan.FromSeconds(30), BrowserBacklogSeconds: 30);

    private static byte[] Batch(int samples, short value = 1000)
    {
        var pcm = new short[samples];
        Array.Fill(pcm, value);
        return MemoryMarshal.AsBytes(pcm.AsSpan()).ToArray();
    }

    private static async Task<List<short[]>> ReadAllAsync(MicrophoneAudio audio, CancellationToken cancellationToken = default)
    {
        var chunks = new List<short[]>();
        await foreach (var chunk in audio.ReadChunksAsync(cancellationToken))
            chunks.Add(chunk.ToArray());
        return chunks;
    }

    [Fact]
    public async Task Batches_ComeOutAsChunks_InOrder_AndStopEndsTheAudioAfterWhatWasBuffered()
    {
        var audio = new MicrophoneAudio(Limits);
        Assert.True(await audio.WriteAsync(Batch(1600, 1), 0));
        Assert.True(await audio.WriteAsync(Batch(800, 2), 0));
        audio.Complete(MicrophoneEnd.Stopped);
        Assert.False(await audio.WriteAsync(Batch(1600), 0)); // after Stop the browser is told to stop sending

        var chunks = await ReadAllAsync(audio);
        Assert.Equal([1600, 800], chunks.Select(c => c.Length));
        Assert.All(chunks[0], s => Assert.Equal(1, s));
        Assert.All(chunks[1], s => Assert.Equal(2, s));
        Assert.Equal(0.15, audio.SecondsRead, 3);
        Assert.Equal(0.15, audio.SecondsReceived, 3);
        Assert.Equal(MicrophoneEnd.Stopped, audio.End);
        Assert.Empty(audio.Notices); // Stop needs no explanation
    }

    [Fact]
    public async Task AFullBuffer_HoldsTheWriterBack_UntilTheEngineReads()
    {
        var audio = new MicrophoneAudio(Limits); // room for five ~100 ms batches
        for (int i = 0; i < 5; i++)
            Assert.True(await audio.WriteAsync(Batch(1600), 0));
        var sixth = audio.WriteAsync(Batch(1600), 2.5).AsTask();
        Assert.False(sixth.IsCompleted); // only a read can make room, and none has happened: no sleep needed
        Assert.Equal(0.5 + 2.5, audio.BacklogSeconds, 3); // held here, and (as the browser says) still there

        await using var reader = audio.ReadChunksAsync().GetAsyncEnumerator();
        Assert.True(await reader.MoveNextAsync());
        Assert.True(await sixth.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task TheBrowserGivingUp_ReleasesAWaitingWriter_AndExplainsTheEnd()
    {
        var audio = new MicrophoneAudio(Limits);
        for (int i = 0; i < 5; i++)
            await audio.WriteAsync(Batch(1600), 0);
        var waiting = audio.WriteAsync(Batch(1600), 0).AsTask();
        audio.ReportBrowserBacklog(20);
        Assert.Equal(20.5, audio.BacklogSeconds, 3);

        audio.Complete(MicrophoneEnd.BrowserBehind);
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(5, (await ReadAllAsync(audio)).Count); // what reached the server is still transcribed
        Assert.Equal(["The server fell more than 30.5 s behind the microphone, so recording stopped at 0.5 s; the transcript covers what reached it."], audio.Notices);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]         // not whole 16-bit samples
    [InlineData(32_002)]    // more than a second in one batch
    public async Task ABatchThatIsNotAudio_EndsTheRecording_WithAMessage(int bytes)
    {
        var audio = new MicrophoneAudio(Limits);
        await audio.WriteAsync(Batch(1600), 0);
        Assert.False(await audio.WriteAsync(new byte[bytes], 0));
        Assert.Equal(MicrophoneEnd.BadAudio, audio.End);
        Assert.Single(await ReadAllAsync(audio));
        Assert.Contains("could not read", Assert.Single(audio.Notices));
    }

    [Fact]
    public async Task TheDurationLimit_CutsTheLastBatch_AndEndsTheRecording()
    {
        var audio = new MicrophoneAudio(Limits with { MaxDuration = TimeSpan.FromSeconds(0.26) });
        Assert.True(await audio.WriteAsync(Batch(1600), 0));
        Assert.True(await audio.WriteAsync(Batch(1600), 0));
        Assert.False(await audio.WriteAsync(Batch(1600), 0)); // 0.06 s of it fits
        Assert.False(await audio.WriteAsync(Batch(1600), 0));

        Assert.Equal([1600, 1600, 960], (await ReadAllAsync(audio)).Select(c => c.Length));
        Assert.Equal(MicrophoneEnd.DurationLimit, audio.End);
        Assert.Equal(["Recordings are transcribed for at most 0.3 s; recording stopped there."], audio.Notices);
    }

    [Fact]
    public async Task ABrowserThatFallsSilent_EndsTheRecordingAfterTheStallTimeout()
    {
        var audio = new MicrophoneAudio(Limits with { StallTimeout = TimeSpan.FromMilliseconds(300) });
        await audio.WriteAsync(Batch(1600), 0);
        var chunks = await ReadAllAsync(audio).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Single(chunks);
        Assert.Equal(MicrophoneEnd.Stalled, audio.End);
        Assert.Equal(["The browser stopped sending audio at 0.1 s, so the recording ended there."], audio.Notices);
    }

    [Fact]
    public async Task Cancelling_StopsTheReader_WithoutCallingItAStall()
    {
        var audio = new MicrophoneAudio(Limits);
        using var cancel = new CancellationTokenSource(200);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadAllAsync(audio, cancel.Token));
        Assert.Null(audio.End);
    }

    [Fact]
    public async Task TheLevel_FollowsTheLatestBatch()
    {
        var audio = new MicrophoneAudio(Limits);
        int raised = 0;
        audio.Received += () => raised++;
        await audio.WriteAsync(Batch(1600, 0), 0);
        Assert.Equal(0, audio.Level);
        await audio.WriteAsync(Batch(1600, 16_384), 0);
        Assert.Equal(0.9, audio.Level, 2); // -6 dBFS on a 60 dB scale
        Assert.Equal(2, raised);
    }
}

[Trait(Category.Name, Category.Unit)]
public sealed class AudioLevelTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(32, 0)]          // -60 dBFS: the floor
    [InlineData(328, 0.333)]     // -40 dBFS
    [InlineData(3277, 0.667)]    // -20 dBFS
    [InlineData(32767, 1)]
    [InlineData(-32768, 1)]
    public void Level_IsThePeakOnADecibelScale(int peak, double expected)
    {
        short[] samples = [0, (short)(peak / 2), (short)peak, 0];
        Assert.Equal(expected, AudioLevel.Of(samples), 2);
    }
}
