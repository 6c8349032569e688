using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;

namespace TranscribeBlazor.Settings;

/// <summary>One engine as the settings panel lists it: whether it can run, and for AWS as whom.</summary>
public sealed record EngineChoice(string Id, string DisplayName, bool IsAvailable, string Detail)
{
    public static async Task<IReadOnlyList<EngineChoice>> ListAsync(EngineCatalog engines, AwsCredentialSource? aws, CancellationToken cancellationToken)
    {
        var list = new List<EngineChoice>();
        foreach (var engine in engines.All)
        {
            var availability = await engine.CheckAvailabilityAsync(cancellationToken);
            string detail = availability.IsAvailable ? "Runs on this server; audio never leaves it." : availability.Reason!;
            if (engine.Id == AwsTranscribeEngine.EngineId && aws is not null)
            {
                var identity = await aws.DescribeAsync(cancellationToken);
                detail = identity.IsAvailable
                    ? $"As {identity.AccessKeyHint} (from {identity.Source}), region {identity.Region}. Audio is sent to AWS."
                    : identity.Problem!;
            }
            list.Add(new EngineChoice(engine.Id, engine.DisplayName, availability.IsAvailable, detail));
        }
        return list;
    }
}
