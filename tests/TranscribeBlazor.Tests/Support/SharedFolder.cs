namespace TranscribeBlazor.Tests.Support;

/// <summary><c>../shared</c> beside the repository: the speech corpus and AWS's test vectors (read there, never copied).</summary>
public static class SharedFolder
{
    public static string? Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TranscribeBlazor.sln")))
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", name));
                return Directory.Exists(path) ? path : null;
            }
        }
        return null;
    }

    public static string? AwsVectors { get; } = Find("aws-vectors");
}
