using System.Diagnostics;

namespace TranscribeBlazor.Health;

/// <summary>
/// What the process holds, read from the kernel (<c>/proc/self</c>) and the runtime rather than from
/// our own bookkeeping, so a leak shows even where our counters would miss it.
/// </summary>
public sealed record ProcessResources(int FileDescriptors, int Sockets, int ChildProcesses, int FfmpegProcesses, int Threads, long WorkingSetBytes, long ManagedHeapBytes)
{
    /// <param name="collectFirst">
    /// Run a full garbage collection before the memory figures, so the managed heap shows what is alive (soak tests;
    /// off in production: a collection per request would be a cheap way to slow the server). Descriptors, sockets
    /// and children are counted before it, so one left for a finalizer to close still shows.
    /// </param>
    public static ProcessResources Read(bool collectFirst = false)
    {
        int descriptors = 0, sockets = 0;
        foreach (var fd in new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos())
        {
            descriptors++;
            try
            {
                if (fd.LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true) sockets++;
            }
            catch (IOException)
            {
                // closed between listing and reading: it is not held any more
            }
        }
        int children = 0, ffmpeg = 0;
        foreach (var task in new DirectoryInfo("/proc/self/task").EnumerateDirectories())
        {
            try
            {
                foreach (string pid in File.ReadAllText(Path.Combine(task.FullName, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    children++;
                    if (File.ReadAllText($"/proc/{pid}/comm").Trim() == "ffmpeg") ffmpeg++;
                }
            }
            catch (IOException)
            {
                // the thread or child ended while we looked
            }
        }
        if (collectFirst)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        using var self = Process.GetCurrentProcess();
        return new ProcessResources(descriptors, sockets, children, ffmpeg, self.Threads.Count, self.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}
