using System.Text.Json;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Engines.Aws;

/// <summary>Every event-stream vector AWS publishes (../shared/aws-vectors/eventstream-smithy-typescript), one case each.</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class EventStreamVectorTests
{
    private static string Folder => Path.Combine(SharedFolder.AwsVectors!, "eventstream-smithy-typescript");

    public static TheoryData<string> Positives() => Names("positive");

    public static TheoryData<string> Negatives() => Names("negative");

    private static TheoryData<string> Names(string kind)
    {
        var data = new TheoryData<string>();
        if (SharedFolder.AwsVectors is null) { data.Add("(vectors missing)"); return data; }
        foreach (var f in Directory.GetFiles(Path.Combine(Folder, "encoded", kind)).Order()) data.Add(Path.GetFileName(f));
        return data;
    }

    [VectorsTheory]
    [MemberData(nameof(Positives))]
    public void Positive_DecodesToTheDocumentedFields_AndReEncodesByteForByte(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "encoded", "positive", name));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "decoded", "positive", name)));
        var message = AwsEventStream.Decode(bytes, bytes.Length);

        Assert.Equal(Convert.FromBase64String(expected.RootElement.GetProperty("payload").GetString() ?? ""), message.Payload ?? []);
        var headers = expected.RootElement.GetProperty("headers").EnumerateArray().ToList();
        Assert.Equal(headers.Count, message.Headers.Count);
        foreach (var h in headers)
        {
            var actual = message.Headers[h.GetProperty("name").GetString()!];
            Assert.Equal(h.GetProperty("type").GetInt32(), (int)actual.HeaderType);
            if (h.GetProperty("type").GetInt32() == 7)
                Assert.Equal(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(h.GetProperty("value").GetString()!)), actual.AsString());
            if (h.GetProperty("type").GetInt32() == 4)
                Assert.Equal(h.GetProperty("value").GetInt32(), actual.AsInt32());
        }
        Assert.Equal(bytes, message.ToByteArray());
    }

    [VectorsTheory]
    [MemberData(nameof(Negatives))]
    public void Negative_IsRejected(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "encoded", "negative", name));
        Assert.ThrowsAny<Exception>(() => AwsEventStream.Decode(bytes, bytes.Length));
        Assert.True(File.Exists(Path.Combine(Folder, "decoded", "negative", name)));
    }

    [Fact]
    public void AnAudioEvent_CarriesTheThreeHeaders_AndThePcmUnchanged()
    {
        byte[] pcm = [1, 0, 2, 0, 255, 127];
        var frame = AwsEventStream.AudioEvent(pcm);
        var message = AwsEventStream.Decode(frame, frame.Length);
        Assert.Equal("event", AwsEventStream.Header(message, ":message-type"));
        Assert.Equal("AudioEvent", AwsEventStream.Header(message, ":event-type"));
        Assert.Equal("application/octet-stream", AwsEventStream.Header(message, ":content-type"));
        Assert.Equal(pcm, message.Payload);
        var end = AwsEventStream.EndOfStream();
        Assert.Empty(AwsEventStream.Decode(end, end.Length).Payload ?? []);
    }

    [VectorsFact]
    public void TheDeveloperGuidesSignedEndFrame_Decodes()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedFolder.AwsVectors!, "transcribe-devguide-signed-end-frame", "signed_empty_envelope.bin"));
        var message = AwsEventStream.Decode(bytes, bytes.Length);
        Assert.Equal(bytes, message.ToByteArray());
        Assert.True(message.Headers.ContainsKey(":date"));
    }
}

public sealed class VectorsTheoryAttribute : TheoryAttribute
{
    public VectorsTheoryAttribute()
    {
        if (SharedFolder.AwsVectors is null) Skip = "Needs AWS's test vectors at ../shared/aws-vectors beside the repository (present in CI).";
    }
}

public sealed class VectorsFactAttribute : FactAttribute
{
    public VectorsFactAttribute()
    {
        if (SharedFolder.AwsVectors is null) Skip = "Needs AWS's test vectors at ../shared/aws-vectors beside the repository (present in CI).";
    }
}
