using System.Net;
using System.Net.WebSockets;
using Amazon.Runtime;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Engines.Aws;

/// <summary>The local service holds the line the real one does, for clients other than ours too.</summary>
[Trait(Category.Name, Category.Engine)]
public sealed class FakeServerProtocolTests(FakeTranscribeFixture fixture) : IClassFixture<FakeTranscribeFixture>
{
    private static readonly ImmutableCredentials Keys = new(FakeTranscribeServer.AccessKey, FakeTranscribeServer.SecretKey, null);

    private Uri SignedUrl(DateTime signedAt, int expirySeconds = 300) =>
        TranscribeStreamingUrl.Presign(new Uri(fixture.Server.Endpoint, TranscribeStreamingUrl.Path), new StreamSettings().ToQuery(16_000), Keys,
            FakeTranscribeServer.Region, signedAt, TimeSpan.FromSeconds(expirySeconds));

    private static async Task<(string? Type, string Payload)> NextExceptionAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var received = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var message = AwsEventStream.Decode(buffer, received.Count);
        return (AwsEventStream.Header(message, ":exception-type"), AwsEventStream.PayloadText(message));
    }

    [PocketSphinxFact]
    public async Task AFrameOverOneSecond_IsRefused()
    {
        fixture.Server.Behavior = FakeBehavior.Normal;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SignedUrl(DateTime.UtcNow), CancellationToken.None);
        await socket.SendAsync(AwsEventStream.AudioEvent(new byte[16_000 * 2 + 2]), WebSocketMessageType.Binary, true, CancellationToken.None);
        var (type, payload) = await NextExceptionAsync(socket);
        Assert.Equal("BadRequestException", type);
        Assert.Contains("more than 1 second", payload);
    }

    [PocketSphinxFact]
    public async Task AMalformedFrame_IsRefused()
    {
        fixture.Server.Behavior = FakeBehavior.Normal;
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SignedUrl(DateTime.UtcNow), CancellationToken.None);
        var frame = AwsEventStream.AudioEvent(new byte[320]);
        frame[^1] ^= 0xFF; // message CRC no longer matches
        await socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);
        var (type, payload) = await NextExceptionAsync(socket);
        Assert.Equal("BadRequestException", type);
        Assert.Contains("checksum", payload);
    }

    [PocketSphinxFact]
    public async Task AnExpiredUrl_IsRefusedAtTheHandshake()
    {
        fixture.Server.Behavior = FakeBehavior.Normal;
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(SignedUrl(DateTime.UtcNow.AddMinutes(-6)), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.StartsWith("ExpiredTokenException", socket.HttpResponseHeaders!["x-amzn-ErrorType"].First());
    }

    [PocketSphinxFact]
    public async Task ATamperedQuery_FailsTheSignatureCheck()
    {
        fixture.Server.Behavior = FakeBehavior.Normal;
        var url = SignedUrl(DateTime.UtcNow).ToString().Replace("language-code=en-US", "language-code=fr-FR");
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
        Assert.StartsWith("InvalidSignatureException", socket.HttpResponseHeaders!["x-amzn-ErrorType"].First());
    }
}
