namespace TranscribeBlazor.Api;

/// <summary>What <see cref="ApiKeys.Check"/> found: 401 for a missing key, 403 for a wrong one.</summary>
public enum ApiKeyCheck
{
    Accepted,
    Missing,
    Wrong,
}
