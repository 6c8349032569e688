namespace TranscribeBlazor.History;

/// <summary>The history's index is in the browser but cannot be read: damaged, or written with data-protection keys this server does not have.</summary>
public sealed class HistoryUnreadableException(Exception inner)
    : Exception("The history kept in this browser cannot be read (it is damaged, or was saved by a server whose keys this one does not have).", inner);
