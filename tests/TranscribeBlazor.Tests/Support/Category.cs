namespace TranscribeBlazor.Tests;

/// <summary>
/// The "Category" trait every test class carries, so a part of the suite runs alone
/// (<c>dotnet test --filter Category=unit</c>). In the root test namespace so that every test file
/// sees it without a using. <see cref="Support.CategoryTests"/> holds each class to exactly one.
/// </summary>
public static class Category
{
    public const string Name = "Category";

    /// <summary>In process only: no native engine, browser, ffmpeg, sox or corpus; seconds for all of them.</summary>
    public const string Unit = "unit";

    /// <summary>Needs PocketSphinx, ffmpeg or sox, or runs the app or its command line, but no browser.</summary>
    public const string Engine = "engine";

    /// <summary>Needs the real speech in ../shared/corpus.</summary>
    public const string Corpus = "corpus";

    /// <summary>Drives Chromium through Playwright.</summary>
    public const string Browser = "browser";

    /// <summary>Long runs that look for leaks.</summary>
    public const string Soak = "soak";

    /// <summary>Two published instances behind nginx with Redis, started by scripts/rehearse-cluster.sh; skipped elsewhere.</summary>
    public const string Cluster = "cluster";

    public static IReadOnlyList<string> All { get; } = [Unit, Engine, Corpus, Browser, Soak, Cluster];
}
