using System.Text;
using Amazon.Runtime.EventStreams;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>
/// The event-stream messages of Transcribe's WebSocket protocol, on AWSSDK.Core's codec
/// (<see cref="EventStreamMessage"/>: prelude, headers, payload, CRC32s). One message per WebSocket
/// binary frame. Client → service: AudioEvent with raw little-endian 16-bit PCM; an AudioEvent with an
/// empty payload ends the stream. Service → client: <c>:message-type</c> event (<c>:event-type</c>
/// TranscriptEvent, JSON) or exception (<c>:exception-type</c>, JSON <c>{"Message": ...}</c>).
/// </summary>
public static class AwsEventStream
{
    public static byte[] AudioEvent(ReadOnlySpan<byte> pcm)
    {
        var headers = new List<IEventStreamHeader>
        {
            StringHeader(":content-type", "application/octet-stream"),
            StringHeader(":event-type", "AudioEvent"),
            StringHeader(":message-type", "event"),
        };
        return new EventStreamMessage(headers, pcm.ToArray()).ToByteArray();
    }

    /// <summary>The empty AudioEvent that tells the service the audio has ended.</summary>
    public static byte[] EndOfStream() => AudioEvent([]);

    public static EventStreamMessage Decode(byte[] frame, int length) => EventStreamMessage.FromBuffer(frame, 0, length);

    public static string? Header(EventStreamMessage message, string name) =>
        message.Headers.TryGetValue(name, out var header) ? header.AsString() : null;

    public static string PayloadText(EventStreamMessage message) => Encoding.UTF8.GetString(message.Payload ?? []);

    internal static IEventStreamHeader StringHeader(string name, string value)
    {
        var header = new EventStreamHeader(name);
        header.SetString(value);
        return header;
    }
}
