namespace TranscribeBlazor.Admission;

/// <summary>A run refused by <see cref="AdmissionControl"/>: the file goes back to the head of the queue and the queue pauses.</summary>
public sealed class ServerBusyException(string message) : Exception(message);
