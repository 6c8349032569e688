namespace TranscribeBlazor.Tests.Support;

/// <summary>A test that needs root (to give a file to another user with chown); skipped otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess) Skip = "Needs root, to create a directory owned by another user.";
    }
}

/// <inheritdoc cref="RootFactAttribute"/>
public sealed class RootTheoryAttribute : TheoryAttribute
{
    public RootTheoryAttribute()
    {
        if (!Environment.IsPrivilegedProcess) Skip = "Needs root, to create a directory owned by another user.";
    }
}
