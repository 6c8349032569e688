namespace TranscribeBlazor.Components.Transcript;

/// <summary>A line of the transcript retyped: its index among the finals and the new text (line breaks split it).</summary>
public sealed record LineEdit(int Line, string Text);
