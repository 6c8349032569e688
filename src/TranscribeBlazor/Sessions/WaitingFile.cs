namespace TranscribeBlazor.Sessions;

/// <summary>What the page shows of a file waiting in the queue.</summary>
public sealed record WaitingFile(string Id, string Name, long? Size);
