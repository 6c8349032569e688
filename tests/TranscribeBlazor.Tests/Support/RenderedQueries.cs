using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace TranscribeBlazor.Tests.Support;

/// <summary>Finding things in a render the way a user reads them.</summary>
public static class RenderedQueries
{
    /// <summary>The one button reading <paramref name="text"/> (MudBlazor's dialogs give theirs no test id).</summary>
    public static IElement FindButton<T>(this IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button").Single(b => Text(b) == text);

    /// <summary>The element's text with runs of white space as one space, trimmed.</summary>
    public static string Text(this IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();
}
