namespace TranscribeBlazor.Tests.Support;

/// <summary>The folder holding TranscribeBlazor.sln, found upward from the running binary (tests and bench alike).</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TranscribeBlazor.sln"))) return dir.FullName;
        return null;
    }
}
