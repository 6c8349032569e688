namespace TranscribeBlazor.Tests.Support;

/// <summary><c>../shared</c> beside the repository: the speech corpus and AWS's test vectors (read there, never copied).</summary>
public static class SharedFolder
{
    public static string? Find(string name)
    {
        if (RepositoryRoot.Find() is not { } root) return null;
        string path = Path.GetFullPath(Path.Combine(root, "..", "shared", name));
        return Directory.Exists(path) ? path : null;
    }

    public static string? AwsVectors { get; } = Find("aws-vectors");
}
