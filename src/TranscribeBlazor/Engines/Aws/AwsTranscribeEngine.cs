using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// Amazon Transcribe streaming over its WebSocket protocol: a presigned URL, AudioEvents of
/// <see cref="AwsTranscribeOptions.FrameMilliseconds"/> paced at about real time, silence when the
/// source stalls, an empty AudioEvent at the end, TranscriptEvents mapped onto our model and the
/// service's exceptions onto <see cref="AwsTranscribeException"/>.
/// </summary>
public sealed class AwsTranscribeEngine(AwsCredentialSource credentials, IOptions<AwsTranscribeOptions> options, TimeProvider time, ILogger<AwsTranscribeEngine> logger) : ITranscriptionEngine
{
    public const string EngineId = "aws";
    private const int QueuedFrames = 20; // ~2 s read ahead of the pacer: a long file is never held in memory

    public string Id => EngineId;

    public string DisplayName => "Amazon Transcribe";

    public int SampleRate => 16_000;

    public async ValueTask<EngineAvailability> CheckAvailabilityAsync(CancellationToken cancellationToken = default)
    {
        var identity = await credentials.DescribeAsync(cancellationToken).ConfigureAwait(false);
        return identity.IsAvailable ? EngineAvailability.Available : EngineAvailability.Unavailable(identity.Problem!);
    }

    public async IAsyncEnumerable<TranscriptResult> TranscribeAsync(
        IAsyncEnumerable<ReadOnlyMemory<short>> audio,
        TranscriptionRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var o = options.Value;
        var (keys, identity) = await credentials.GetAsync(cancellationToken).ConfigureAwait(false);
        var settings = request.Aws ?? new StreamSettings { LanguageCode = o.LanguageCode };
        var endpoint = TranscribeStreamingUrl.Endpoint(identity.Region, o.Endpoint);
        var url = TranscribeStreamingUrl.Presign(endpoint, settings.ToQuery(SampleRate), keys, identity.Region,
            time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(o.UrlExpirySeconds));

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await ConnectAsync(socket, url, endpoint, identity, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Amazon Transcribe stream opened at {Host} as {Identity}", endpoint.Authority, identity.AccessKeyHint);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var results = Channel.CreateUnbounded<TranscriptResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var timeline = new InsertedSilence();
        var sending = Task.Run(() => SendAsync(socket, audio, timeline, stop.Token), CancellationToken.None);
        var receiving = Task.Run(() => ReceiveAsync(socket, results.Writer, timeline, sending, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return result;
            }
            await receiving.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(sending, receiving).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            if (socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", closing.Token).ConfigureAwait(false); }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException) { }
            }
        }
    }

    private async Task ConnectAsync(ClientWebSocket socket, Uri url, Uri endpoint, AwsIdentity identity, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ConnectTimeoutSeconds));
        try
        {
            await socket.ConnectAsync(url, timeout.Token).ConfigureAwait(false);
        }
        catch (WebSocketException e) when (socket.HttpStatusCode != 0)
        {
            string? errorType = socket.HttpResponseHeaders?.FirstOrDefault(h => h.Key.Equals("x-amzn-ErrorType", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            throw AwsErrors.FromHandshake(socket.HttpStatusCode, errorType, identity.AccessKeyHint, e);
        }
        catch (WebSocketException e)
        {
            throw AwsErrors.NoNetwork(endpoint.Authority, e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw AwsErrors.NoNetwork(endpoint.Authority, new TimeoutException($"no answer within {options.Value.ConnectTimeoutSeconds:0} s", e));
        }
    }

    /// <summary>Reads the source ahead into a small queue and sends it paced, filling stalls with silence.</summary>
    private async Task SendAsync(WebSocket socket, IAsyncEnumerable<ReadOnlyMemory<short>> audio, InsertedSilence timeline, CancellationToken cancellationToken)
    {
        var o = options.Value;
        int frameSamples = SampleRate * o.FrameMilliseconds / 1000;
        var frames = Channel.CreateBounded<PcmFrame>(new BoundedChannelOptions(QueuedFrames) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => FrameAsync(audio, frameSamples, frames.Writer, cancellationToken), CancellationToken.None);
        var silence = new short[frameSamples];
        var keepAlive = TimeSpan.FromSeconds(o.KeepAliveSeconds);
        var clock = Stopwatch.StartNew();
        long sentSamples = 0;
        // Pacing runs from a baseline that a stall moves forward: after one, the backlog goes out at
        // real time again, never as a catch-up burst.
        var baselineTime = TimeSpan.Zero;
        long baselineSamples = 0;
        try
        {
            while (true)
            {
                var ready = frames.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(ready, Task.Delay(keepAlive, time, cancellationToken)).ConfigureAwait(false) != ready)
                {
                    // The source stalled (a slow upload): keep the stream alive rather than let the service time out.
                    timeline.Add(sentSamples / (double)SampleRate, frameSamples / (double)SampleRate);
                    await SendFrameAsync(socket, silence, silence.Length, cancellationToken).ConfigureAwait(false);
                    sentSamples += silence.Length;
                    (baselineTime, baselineSamples) = (clock.Elapsed, sentSamples);
                    continue;
                }
                if (!await ready.ConfigureAwait(false)) break;
                while (frames.Reader.TryRead(out var frame))
                {
                    // Pace: a frame goes out when the audio before it would have played at PacingFactor × real time.
                    var due = baselineTime + TimeSpan.FromSeconds((sentSamples - baselineSamples) / (double)SampleRate / o.PacingFactor) - clock.Elapsed;
                    if (due > TimeSpan.Zero)
                        await Task.Delay(due, time, cancellationToken).ConfigureAwait(false);
                    await SendFrameAsync(socket, frame.Samples, frame.Length, cancellationToken).ConfigureAwait(false);
                    sentSamples += frame.Length;
                    ArrayPool<short>.Shared.Return(frame.Samples);
                }
            }
            await reading.ConfigureAwait(false); // surfaces a decoding error from the source
            await socket.SendAsync(AwsEventStream.EndOfStream(), WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await reading.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            while (frames.Reader.TryRead(out var left)) ArrayPool<short>.Shared.Return(left.Samples);
        }
    }

    /// <summary>A pooled buffer holding <see cref="Length"/> samples (the pool may hand out a longer array).</summary>
    private readonly record struct PcmFrame(short[] Samples, int Length);

    private static async Task FrameAsync(IAsyncEnumerable<ReadOnlyMemory<short>> audio, int frameSamples, ChannelWriter<PcmFrame> frames, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        short[]? frame = null;
        int filled = 0;
        try
        {
            await foreach (var chunk in audio.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var rest = chunk;
                while (!rest.IsEmpty)
                {
                    frame ??= ArrayPool<short>.Shared.Rent(frameSamples);
                    int n = Math.Min(rest.Length, frameSamples - filled);
                    rest.Span[..n].CopyTo(frame.AsSpan(filled));
                    rest = rest[n..];
                    filled += n;
                    if (filled == frameSamples)
                    {
                        await frames.WriteAsync(new PcmFrame(frame, frameSamples), cancellationToken).ConfigureAwait(false);
                        frame = null;
                        filled = 0;
                    }
                }
            }
            if (frame is not null && filled > 0)
                await frames.WriteAsync(new PcmFrame(frame, filled), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
            throw;
        }
        finally
        {
            frames.TryComplete(failure);
        }
    }

    private static async Task SendFrameAsync(WebSocket socket, short[] samples, int length, CancellationToken cancellationToken)
    {
        var message = AwsEventStream.AudioEvent(MemoryMarshal.AsBytes(samples.AsSpan(0, length)));
        await socket.SendAsync(message, WebSocketMessageType.Binary, true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(WebSocket socket, ChannelWriter<TranscriptResult> results, InsertedSilence timeline, Task sending, CancellationToken cancellationToken)
    {
        Exception? failure = null;
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                int length = 0;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (length == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                    received = await ReceiveWithDeadlineAsync(socket, buffer.AsMemory(length), sending, cancellationToken).ConfigureAwait(false);
                    length += received.Count;
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    if (!sending.IsCompletedSuccessfully)
                    {
                        // Closed before we finished: a send failure explains it better than the close does.
                        await sending.ConfigureAwait(false);
                        throw AwsErrors.ConnectionLost(null);
                    }
                    return;
                }
                Handle(buffer, length, results, timeline);
            }
        }
        catch (Exception e)
        {
            failure = e switch
            {
                AwsTranscribeException or OperationCanceledException => e,
                WebSocketException or IOException when !cancellationToken.IsCancellationRequested => AwsErrors.ConnectionLost(e),
                _ => e,
            };
            if (failure == e) throw;
            throw failure;
        }
        finally
        {
            results.TryComplete(failure);
        }
    }

    /// <summary>Once all audio is sent, the service has a bounded time to answer; a silent service is an error, not a hang.</summary>
    private async Task<ValueWebSocketReceiveResult> ReceiveWithDeadlineAsync(WebSocket socket, Memory<byte> buffer, Task sending, CancellationToken cancellationToken)
    {
        var receive = socket.ReceiveAsync(buffer, cancellationToken).AsTask();
        while (true)
        {
            var deadline = sending.IsCompleted
                ? Task.Delay(TimeSpan.FromSeconds(options.Value.ResponseTimeoutSeconds), time, cancellationToken)
                : sending;
            var first = await Task.WhenAny(receive, deadline).ConfigureAwait(false);
            if (first == receive)
                return await receive.ConfigureAwait(false);
            if (first == sending)
            {
                if (sending.IsFaulted) await sending.ConfigureAwait(false); // a send failure ends the stream
                continue; // all sent: from now on the response deadline applies
            }
            cancellationToken.ThrowIfCancellationRequested();
            throw new AwsTranscribeException(AwsErrorKind.NoResponse,
                $"Amazon Transcribe stopped responding: no result in the {options.Value.ResponseTimeoutSeconds:0} s after the audio ended. The transcript so far is kept.");
        }
    }

    private static void Handle(byte[] buffer, int length, ChannelWriter<TranscriptResult> results, InsertedSilence timeline)
    {
        Amazon.Runtime.EventStreams.EventStreamMessage message;
        try
        {
            message = AwsEventStream.Decode(buffer, length);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new AwsTranscribeException(AwsErrorKind.Protocol, "Amazon Transcribe sent a message that could not be read (corrupt event-stream frame).", e);
        }

        string? messageType = AwsEventStream.Header(message, ":message-type");
        string payload = AwsEventStream.PayloadText(message);
        if (messageType == "exception" || messageType == "error")
        {
            string type = AwsEventStream.Header(message, ":exception-type") ?? AwsEventStream.Header(message, ":error-code") ?? "Unknown";
            throw AwsErrors.FromStreamException(type, ServiceMessage(payload) ?? AwsEventStream.Header(message, ":error-message"));
        }
        if (messageType == "event" && AwsEventStream.Header(message, ":event-type") == "TranscriptEvent")
        {
            foreach (var result in TranscriptEventMapper.Map(payload, timeline.ToFileTime))
                results.TryWrite(result);
        }
    }

    private static string? ServiceMessage(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Name.Equals("message", StringComparison.OrdinalIgnoreCase)) return p.Value.GetString();
        }
        catch (JsonException)
        {
        }
        return null;
    }
}
