using Amazon.Runtime;

namespace TranscribeBlazor.Engines.Aws;

/// <summary>Who the AWS engine would act as. <see cref="Credentials"/> stays on the server; the rest may be shown.</summary>
public sealed record AwsIdentity(AWSCredentials? Credentials, string Source, string AccessKeyHint, string Region, string? Problem)
{
    public bool IsAvailable => Credentials is not null;

    public static AwsIdentity Missing(string problem) => new(null, "none", "", "", problem);

    public override string ToString() => IsAvailable ? $"{AccessKeyHint} from {Source}, region {Region}" : Problem ?? "unavailable";
}
