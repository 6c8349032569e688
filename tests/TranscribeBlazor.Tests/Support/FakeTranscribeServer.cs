using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// A local stand-in for Amazon Transcribe's streaming WebSocket endpoint (Kestrel on loopback), as
/// documented: it checks the presigned SigV4 query against its own credentials and the expiry,
/// speaks the event-stream protocol, refuses frames over 1 s of audio and malformed frames, ends idle
/// streams, and answers with partial → final TranscriptEvents. The words are real: the audio it
/// receives is recognised by PocketSphinx. <see cref="Behavior"/> makes it fail in each documented way.
/// </summary>
public sealed class FakeTranscribeServer : IAsyncDisposable
{
    public const string AccessKey = "AKIDFAKETRANSCRIBE01";
    public const string SecretKey = "fake/transcribe+secret";
    public const string Region = "us-east-1";

    private readonly WebApplication _app;
    private readonly ITranscriptionEngine _recogniser;

    private FakeTranscribeServer(WebApplication app, ITranscriptionEngine recogniser)
    {
        _app = app;
        _recogniser = recogniser;
    }

    public Uri Endpoint { get; private set; } = null!;

    public FakeBehavior Behavior { get; set; } = FakeBehavior.Normal;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>What the last stream asked for and sent.</summary>
    public Dictionary<string, string> LastQuery { get; private set; } = [];

    public int AudioEvents { get; private set; }

    public int LargestFrameBytes { get; private set; }

    public bool SawEndOfStream { get; private set; }

    public static async Task<FakeTranscribeServer> StartAsync(ITranscriptionEngine recogniser)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTranscribeServer(app, recogniser);
        app.UseWebSockets();
        app.Map(TranscribeStreamingUrl.Path, server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.Replace("http://", "ws://"));
        return server;
    }

    /// <summary>Engine options pointing at this server with its credentials; fast pacing for tests.</summary>
    public AwsTranscribeOptions ClientOptions(double pacing = 8) => new()
    {
        Endpoint = Endpoint.ToString(),
        Region = Region,
        AccessKeyId = AccessKey,
        SecretAccessKey = SecretKey,
        PacingFactor = pacing,
        // The fake decodes with PocketSphinx, which on a loaded 2-core machine can fall over 5 s behind the paced
        // audio (the first final of a failure test then came too late: NoResponse); tests of the timeout set their own.
        ResponseTimeoutSeconds = 20,
    };

    private async Task HandleAsync(HttpContext context)
    {
        var query = SigV4.ParseQuery(context.Request.QueryString.Value ?? "");
        LastQuery = query;
        AudioEvents = 0;
        LargestFrameBytes = 0;
        SawEndOfStream = false;
        if (Refusal(context, query) is { } refusal)
        {
            context.Response.StatusCode = (int)refusal.Status;
            context.Response.Headers["x-amzn-ErrorType"] = refusal.ErrorType + ":http://internal.amazon.com/coral/com.amazon.coral.service/";
            await context.Response.WriteAsync($"{{\"message\":\"{refusal.ErrorType}\"}}");
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 426;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await StreamAsync(context, socket, query);
    }

    private (HttpStatusCode Status, string ErrorType)? Refusal(HttpContext context, Dictionary<string, string> query)
    {
        if (Behavior.Handshake is { } forced) return forced;
        if (!query.TryGetValue("X-Amz-Signature", out var signature) || !query.TryGetValue("X-Amz-Credential", out var credential))
            return (HttpStatusCode.Forbidden, "MissingAuthenticationTokenException");
        if (!credential.StartsWith(AccessKey + "/", StringComparison.Ordinal))
            return (HttpStatusCode.Forbidden, "UnrecognizedClientException");
        var url = new Uri($"ws://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}");
        if (SigV4.ExpectedSignature(url, SecretKey) != signature)
            return (HttpStatusCode.Forbidden, "InvalidSignatureException");
        var signedAt = DateTime.ParseExact(query["X-Amz-Date"], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        int expires = int.Parse(query["X-Amz-Expires"], CultureInfo.InvariantCulture);
        if (expires > 300)
            return (HttpStatusCode.Forbidden, "InvalidSignatureException");
        if (DateTime.UtcNow > signedAt.AddSeconds(expires) || signedAt > DateTime.UtcNow.AddMinutes(5))
            return (HttpStatusCode.Forbidden, "ExpiredTokenException");
        return null;
    }

    private async Task StreamAsync(HttpContext context, WebSocket socket, Dictionary<string, string> query)
    {
        var send = new SemaphoreSlim(1, 1);
        async Task SendAsync(byte[] frame)
        {
            await send.WaitAsync();
            try { if (socket.State == WebSocketState.Open) await socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None); }
            catch (WebSocketException) { }
            finally { send.Release(); }
        }
        Task FailAsync(string type, string message) => SendAsync(ExceptionFrame(type, message));

        if (!query.TryGetValue("media-encoding", out var encoding) || encoding != "pcm"
            || !int.TryParse(query.GetValueOrDefault("sample-rate"), out int rate) || rate is < 8_000 or > 48_000
            || (!query.ContainsKey("language-code") && query.GetValueOrDefault("identify-language") != "true"))
        {
            await FailAsync("BadRequestException", "A complete signature, language-code (or identify-language), media-encoding and sample-rate are required.");
            await CloseAsync(socket);
            return;
        }

        var audio = Channel.CreateUnbounded<short[]>();
        using var streamOver = new CancellationTokenSource();
        using var stalled = new CancellationTokenSource(); // the service goes silent: it neither reads nor answers
        var behavior = Behavior;
        var recognising = Task.Run(async () =>
        {
            await foreach (var result in _recogniser.TranscribeAsync(Samples(audio.Reader), TranscriptionRequest.Default, streamOver.Token))
            {
                await SendAsync(TranscriptEventFrame(result, query));
                if (!result.IsPartial && result.Transcript.Length > 0 && behavior.FailAfterFirstFinal)
                {
                    // Fail once the client holds a settled result, to prove it keeps it.
                    if (behavior.DropSocket) { context.Abort(); return; }
                    if (behavior.StallMidStream) { stalled.Cancel(); return; }
                    if (behavior.Corrupt is { } corrupt)
                    {
                        await SendAsync(Corrupted(TranscriptEventFrame(result with { ResultId = "after" }, query), corrupt));
                        return;
                    }
                    await FailAsync(behavior.ExceptionType!, behavior.ExceptionMessage ?? "Injected failure.");
                    await CloseAsync(socket);
                    return;
                }
            }
        });

        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                int length = 0;
                WebSocketReceiveResult received;
                do
                {
                    // A cancelled receive would abort the socket before we could say why; race a timer instead.
                    if (stalled.IsCancellationRequested) { await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }); return; }
                    var receive = socket.ReceiveAsync(buffer.AsMemory(length).ToArraySegment(), CancellationToken.None);
                    if (await Task.WhenAny(receive, Task.Delay(IdleTimeout)) != receive)
                    {
                        await FailAsync("BadRequestException", "Your request timed out because no new audio was received for 15 seconds.");
                        await CloseAsync(socket);
                        return;
                    }
                    try { received = await receive; }
                    catch (WebSocketException) { return; } // the client went away, or we closed after a failure
                    length += received.Count;
                }
                while (!received.EndOfMessage);
                if (received.MessageType == WebSocketMessageType.Close) return;

                Amazon.Runtime.EventStreams.EventStreamMessage message;
                try { message = AwsEventStream.Decode(buffer, length); }
                catch (Exception)
                {
                    await FailAsync("BadRequestException", "Could not decode the event-stream frame (prelude or message checksum failed).");
                    await CloseAsync(socket);
                    return;
                }
                if (AwsEventStream.Header(message, ":message-type") != "event" || AwsEventStream.Header(message, ":event-type") != "AudioEvent")
                {
                    await FailAsync("BadRequestException", "Only AudioEvent messages may be sent.");
                    await CloseAsync(socket);
                    return;
                }
                var payload = message.Payload ?? [];
                if (payload.Length == 0)
                {
                    SawEndOfStream = true;
                    audio.Writer.Complete();
                    if (behavior.StallAfterEnd) { await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }); return; }
                    await recognising;
                    // A slow recogniser (a loaded machine) may reach its first final only after the audio ended: still go silent then.
                    if (stalled.IsCancellationRequested) { await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }); return; }
                    await CloseAsync(socket);
                    return;
                }
                AudioEvents++;
                LargestFrameBytes = Math.Max(LargestFrameBytes, payload.Length);
                if (payload.Length > rate * 2)
                {
                    await FailAsync("BadRequestException", "An audio event carried more than 1 second of audio.");
                    await CloseAsync(socket);
                    return;
                }
                audio.Writer.TryWrite(MemoryMarshal.Cast<byte, short>(payload).ToArray());
            }
        }
        finally
        {
            audio.Writer.TryComplete();
            if (!SawEndOfStream) streamOver.Cancel();
            await recognising.ContinueWith(_ => { });
        }
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<short>> Samples(ChannelReader<short[]> reader)
    {
        await foreach (var chunk in reader.ReadAllAsync())
            yield return chunk;
    }

    private static async Task CloseAsync(WebSocket socket)
    {
        try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None); }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException) { }
    }

    private static byte[] ExceptionFrame(string type, string message)
    {
        var headers = new List<Amazon.Runtime.EventStreams.IEventStreamHeader>
        {
            AwsEventStream.StringHeader(":message-type", "exception"),
            AwsEventStream.StringHeader(":exception-type", type),
            AwsEventStream.StringHeader(":content-type", "application/json"),
        };
        var payload = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { Message = message }));
        return new Amazon.Runtime.EventStreams.EventStreamMessage(headers, payload).ToByteArray();
    }

    private static readonly HashSet<string> PiiWords = ["john", "dashwood"];

    /// <summary>A frame damaged the way a faulty network or service would: its prelude checksum, its message checksum, or not a frame at all.</summary>
    private static byte[] Corrupted(byte[] frame, FrameDamage damage)
    {
        var bytes = (byte[])frame.Clone();
        switch (damage)
        {
            case FrameDamage.PreludeCrc: bytes[9] ^= 0x5A; break;
            case FrameDamage.MessageCrc: bytes[^2] ^= 0x5A; break;
            case FrameDamage.Payload: bytes[bytes.Length / 2] ^= 0x5A; break;
            default: bytes = "<html>502 Bad Gateway</html>"u8.ToArray(); break;
        }
        return bytes;
    }

    private static byte[] TranscriptEventFrame(TranscriptResult r, Dictionary<string, string> query)
    {
        bool speakers = query.GetValueOrDefault("show-speaker-label") == "true";
        bool redact = query.GetValueOrDefault("content-redaction-type") == "PII";
        bool stabilize = query.GetValueOrDefault("enable-partial-results-stabilization") == "true";
        var items = r.Items.Select((i, index) => new
        {
            Content = redact && PiiWords.Contains(i.Content) ? "[PII]" : i.Content,
            i.StartTime,
            i.EndTime,
            Type = "pronunciation",
            Confidence = i.Confidence ?? 0.5,
            Stable = !r.IsPartial || (stabilize && index < r.Items.Count - 2),
            Speaker = speakers ? "0" : null,
            VocabularyFilterMatch = false,
        }).ToList();
        var body = new
        {
            Transcript = new
            {
                Results = new[]
                {
                    new
                    {
                        r.ResultId, r.StartTime, r.EndTime, r.IsPartial, ChannelId = "ch_0",
                        Alternatives = new[] { new { Transcript = string.Join(' ', items.Select(i => i.Content)), Items = items } },
                    },
                },
            },
        };
        var headers = new List<Amazon.Runtime.EventStreams.IEventStreamHeader>
        {
            AwsEventStream.StringHeader(":message-type", "event"),
            AwsEventStream.StringHeader(":event-type", "TranscriptEvent"),
            AwsEventStream.StringHeader(":content-type", "application/json"),
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(body, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
        return new Amazon.Runtime.EventStreams.EventStreamMessage(headers, json).ToByteArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>How the fake service misbehaves for the next stream.</summary>
public sealed record FakeBehavior
{
    public static FakeBehavior Normal { get; } = new();

    public (HttpStatusCode Status, string ErrorType)? Handshake { get; init; }

    /// <summary>Fail (with <see cref="ExceptionType"/>, or by dropping the socket) right after the first final result.</summary>
    public bool FailAfterFirstFinal { get; init; }

    public string? ExceptionType { get; init; }

    public string? ExceptionMessage { get; init; }

    public bool DropSocket { get; init; }

    public bool StallAfterEnd { get; init; }

    /// <summary>With <see cref="FailAfterFirstFinal"/>: stop reading and answering, keeping the socket open.</summary>
    public bool StallMidStream { get; init; }

    /// <summary>With <see cref="FailAfterFirstFinal"/>: send one damaged frame.</summary>
    public FrameDamage? Corrupt { get; init; }

    public static FakeBehavior Exception(string type, string? message = null) =>
        new() { FailAfterFirstFinal = true, ExceptionType = type, ExceptionMessage = message };

    public static FakeBehavior Drop() => new() { FailAfterFirstFinal = true, DropSocket = true };

    public static FakeBehavior Refuse(HttpStatusCode status, string errorType) => new() { Handshake = (status, errorType) };
}

public enum FrameDamage { PreludeCrc, MessageCrc, Payload, NotAFrame }

internal static class MemoryExtensions2
{
    public static ArraySegment<byte> ToArraySegment(this Memory<byte> memory) =>
        MemoryMarshal.TryGetArray<byte>(memory, out var segment) ? segment : throw new InvalidOperationException();
}
