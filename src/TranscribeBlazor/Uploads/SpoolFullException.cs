using TranscribeBlazor.IO;

namespace TranscribeBlazor.Uploads;

/// <summary>
/// An upload was refused (or stopped) because it would take more spool space than its client, the server or
/// the disk can give; the message is the user's. What was transcribed before it stopped is kept.
/// </summary>
public sealed class SpoolFullException(string message) : IOException(message)
{
    internal static SpoolFullException Client(long limit, long inUse) => new(
        $"This file does not fit in the upload space one user may fill at once ({ByteSize.Format(limit)}; your other tabs' uploads hold {ByteSize.Format(inUse)}). " +
        "Try it again when your other transcriptions end.");

    internal static SpoolFullException Server(long limit) => new(
        $"The server's upload space is full (at most {ByteSize.Format(limit)} for everyone's uploads at once). Try again in a few minutes; your other files are not affected.");

    internal static SpoolFullException Disk(long free) => new(
        $"The server's disk is almost full ({ByteSize.Format(free)} free, which it keeps in reserve), so it cannot take this file. Try again later, or tell whoever runs the server.");
}
