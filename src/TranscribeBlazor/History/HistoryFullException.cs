namespace TranscribeBlazor.History;

/// <summary>A transcript could not be kept in history; the message says why and what to do instead.</summary>
public sealed class HistoryFullException(string message, Exception? inner = null) : Exception(message, inner);
