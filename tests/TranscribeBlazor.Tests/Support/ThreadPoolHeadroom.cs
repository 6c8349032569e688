using System.Runtime.CompilerServices;

namespace TranscribeBlazor.Tests.Support;

internal static class ThreadPoolHeadroom
{
    /// <summary>
    /// Test classes run in parallel and several decode at once, each holding a pool thread, as the app's
    /// decoders do; the app reserves threads for its own (<c>ReserveThreadsForDecoders</c>), the test
    /// process does the same for all of its classes, so time-bounded waits never measure thread injection.
    /// </summary>
    [ModuleInitializer]
    internal static void Reserve() => TranscribeBlazor.Hosting.WebAppExtensions.ReserveThreadsForDecoders(8);
}
