using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TranscribeBlazor.Tests.Support;

/// <summary>
/// The app built next to the tests, run as its own process (as in production), so what it holds —
/// memory, descriptors, children — is measured without the test runner's and the browser driver's own.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress, ConcurrentQueue<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        Output = output;
    }

    public Uri BaseAddress { get; }

    /// <summary>Everything the app wrote to stdout and stderr (its console log).</summary>
    public ConcurrentQueue<string> Output { get; }

    /// <summary>The app's project folder, where its appsettings.json lives.</summary>
    public static string ProjectDirectory { get; } = Path.Combine(RepositoryRoot.Find() ?? throw new InvalidOperationException("repository root not found"), "src", "TranscribeBlazor");

    /// <summary>The app as built beside the tests (same configuration).</summary>
    public static string Dll { get; } = Path.Combine(ProjectDirectory, "bin", AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug", "net10.0", "TranscribeBlazor.dll");

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = ProjectDirectory };
        start.ArgumentList.Add(Dll);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new ConcurrentQueue<string>();
        void Read(string? line)
        {
            if (line is null) return;
            output.Enqueue(line);
            if (ListeningLine().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))) != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("The app did not start:\n" + string.Join('\n', output));
        }
        return new AppProcess(process, await listening.Task, output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
