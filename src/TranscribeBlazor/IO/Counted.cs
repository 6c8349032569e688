namespace TranscribeBlazor.IO;

/// <summary>A count and its noun in the right number: "1 segment", "5 segments" (never "5 segment(s)").</summary>
public static class Counted
{
    /// <param name="plural">For nouns that do not just take an "s" ("1 entry", "2 entries").</param>
    public static string Of(long count, string singular, string? plural = null) =>
        count == 1 ? $"1 {singular}" : $"{count} {plural ?? singular + "s"}";
}
