using System.Diagnostics;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Cli;

/// <summary>
/// The command line as a script meets it: its own process, its exit code and what it writes. Every bad
/// input or setting gives one line on stderr and a documented code (2 input, 1 usage or settings, 130
/// cancelled), never a stack trace.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class CliProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ADirectory_IsRefusedInOneLine_WithExitCodeTwo()
    {
        var run = await RunAsync([_dir]);
        AssertOneLine(run, 2, $"{_dir} is a directory, not a file.");
    }

    [Fact]
    public async Task ASymlinkLoop_IsRefusedInOneLine_WithExitCodeTwo()
    {
        string a = Path.Combine(_dir, "a.wav"), b = Path.Combine(_dir, "b.wav");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var run = await RunAsync([a]);
        AssertOneLine(run, 2, $"Cannot read {a}: its symbolic links go round in a loop.");
    }

    [Fact]
    public async Task ANameTooLongForTheFileSystem_IsRefusedInOneLine_WithExitCodeTwo()
    {
        string name = Path.Combine(_dir, new string('x', 300) + ".wav");
        var run = await RunAsync([name]);
        AssertOneLine(run, 2, $"Cannot read {name}: the name is too long.");
    }

    [Fact]
    public async Task AFileWithoutReadPermission_IsRefusedInOneLine_WithExitCodeTwo()
    {
        string file = Path.Combine(_dir, "secret.wav");
        File.WriteAllBytes(file, WavBuilder.Pcm16(new short[1_600], 16_000, 1));
        File.SetUnixFileMode(file, UnixFileMode.None);
        // Root reads every file, so as root the command runs as nobody (who can read the app, not the file).
        var run = await RunAsync([file], asNobody: Environment.UserName == "root");
        AssertOneLine(run, 2, $"Cannot read {file}: permission denied.");
    }

    [Theory]
    [InlineData("--Transcription:MaxUploadBytes=-5", "MaxUploadBytes")]
    [InlineData("--Transcription:MaxDurationSeconds=soon", "MaxDurationSeconds")]
    public async Task AnInvalidSetting_IsNamedInOneLine_WithExitCodeOne(string setting, string named)
    {
        string file = Path.Combine(_dir, "quiet.wav");
        File.WriteAllBytes(file, WavBuilder.Pcm16(new short[1_600], 16_000, 1));
        var run = await RunAsync([file, setting]);
        Assert.Equal(1, run.Code);
        var line = Assert.Single(Lines(run.Err));
        Assert.StartsWith("Invalid setting: ", line);
        Assert.Contains(named, line);
    }

    [Fact]
    public async Task CtrlC_WhileWaitingForInputThatNeverComes_Cancels_WithExitCode130()
    {
        string fifo = Path.Combine(_dir, "input.wav");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        using var process = Start([fifo], asNobody: false);
        var stderr = process.StandardError.ReadToEndAsync();
        // Opening the writing end completes only once the command has opened the reading end (its Ctrl+C handler
        // is in place before that); then it waits in a read for bytes this test never writes.
        await using var writer = await Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write)).WaitAsync(TimeSpan.FromSeconds(30));

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("Cancelled.", Assert.Single(Lines(await stderr)));
    }

    [Fact]
    public async Task CtrlC_WhileAFifoHasNoWriter_Cancels_WithExitCode130()
    {
        string fifo = Path.Combine(_dir, "nobody-writes.wav");
        using (var mkfifo = Process.Start("mkfifo", [fifo])) await mkfifo.WaitForExitAsync();
        using var process = Start([fifo], asNobody: false);
        var stderr = process.StandardError.ReadToEndAsync();
        // Blocked in open() until a writer comes, as the kernel shows in the thread's wait channel (the runtime's
        // own debugger FIFO, which would show the same, is switched off in Start).
        await Signals.WaitUntilAsync(() => Directory.EnumerateDirectories($"/proc/{process.Id}/task")
            .Any(task => File.ReadAllText(Path.Combine(task, "wchan")) == "wait_for_partner"), TimeSpan.FromSeconds(30));

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("Cancelled.", Assert.Single(Lines(await stderr)));
    }

    [Fact]
    public async Task CtrlC_WhileStandardInputStaysSilent_Cancels_WithExitCode130()
    {
        using var process = Start(["-"], asNobody: false, redirectInput: true); // a pipe this test never writes to
        var stderr = process.StandardError.ReadToEndAsync();
        // Blocked reading the pipe on a pool thread, as the kernel shows in its wait channel ("anon_pipe_read" here,
        // "pipe_read" on older kernels). Not the runtime's ".NET SigHandler" thread, which waits on a pipe of its own from start-up.
        await Signals.WaitUntilAsync(() => Directory.EnumerateDirectories($"/proc/{process.Id}/task").Any(task =>
            File.ReadAllText(Path.Combine(task, "comm")).StartsWith(".NET TP Worker", StringComparison.Ordinal)
            && File.ReadAllText(Path.Combine(task, "wchan")).Contains("pipe_read")), TimeSpan.FromSeconds(30));

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("Cancelled.", Assert.Single(Lines(await stderr)));
    }

    [FfmpegTheory]
    [InlineData("an M4A with its index at the end", "-c:a", "aac", "-b:a", "64k", "-f", "ipod")]
    [InlineData("a phone video, H.264 + AAC, index at the end", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-map", "1:v", "-map", "0:a", "-shortest", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-f", "mp4")]
    public async Task ARecordingThatMustBeReadWhole_IsTranscribedFromItsFile(string what, params string[] encode)
    {
        var (wav, reference) = TestAssets.LibriVox()[0];
        string file = Path.Combine(_dir, "recording"); // no extension: the bytes decide
        File.WriteAllBytes(file, Tools.Ffmpeg(File.ReadAllBytes(wav), encode));

        var run = await RunAsync([file, "--format", "text"]);

        Assert.True(run.Code == 0, $"{what}: exit {run.Code}: {run.Err}");
        Assert.Equal("", run.Err);
        double wer = (double)WordErrorRate.Errors(reference, run.Out) / WordErrorRate.Words(reference).Length;
        Assert.True(wer < 0.4, $"{what}: WER {wer:P0}: {run.Out}"); // 32% measured for AAC; the WAV itself scores about 23% (5 of 22 words)
    }

    [FfmpegFact]
    public async Task AnIndexLastM4aOnStandardInput_IsRefusedInOneLine_SayingToNameTheFile()
    {
        var m4a = Tools.Ffmpeg(File.ReadAllBytes(TestAssets.LibriVox()[0].Path), "-c:a", "aac", "-f", "ipod");
        var run = await RunAsync(["-"], stdin: m4a);
        AssertOneLine(run, 2, "This is an MP4/M4A file that keeps its index at the end, so it cannot be read from a pipe: give the file's name instead of -.");
    }

    [FfmpegFact]
    public async Task AVideoWithoutSound_IsRefusedInOneLine_WithExitCodeTwo()
    {
        string file = Path.Combine(_dir, "screen.mp4");
        File.WriteAllBytes(file, Tools.Ffmpeg(File.ReadAllBytes(TestAssets.LibriVox()[0].Path), "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=2", "-map", "1:v", "-c:v", "libx264", "-preset", "ultrafast", "-f", "mp4"));
        var run = await RunAsync([file]);
        AssertOneLine(run, 2, "This is an MP4/M4A file with no audio track, so there is nothing to transcribe.");
    }

    private static void AssertOneLine((int Code, string Out, string Err) run, int code, string message)
    {
        Assert.Equal(code, run.Code);
        Assert.Equal("", run.Out);
        Assert.Equal(message, Assert.Single(Lines(run.Err)));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args, bool asNobody = false, byte[]? stdin = null)
    {
        using var process = Start(args, asNobody, redirectInput: stdin is not null);
        if (stdin is not null)
            _ = Task.Run(async () =>
            {
                try { await process.StandardInput.BaseStream.WriteAsync(stdin); } catch (IOException) { } // it may stop reading early
                process.StandardInput.Close();
            });
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static Process Start(string[] args, bool asNobody, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(asNobody ? "runuser" : "dotnet")
        {
            RedirectStandardInput = redirectInput, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppProcess.ProjectDirectory,
        };
        if (asNobody)
            foreach (string a in new[] { "-u", "nobody", "--", "dotnet" }) start.ArgumentList.Add(a);
        start.ArgumentList.Add(AppProcess.Dll);
        start.ArgumentList.Add("transcribe");
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath(); // nobody's home does not exist
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_EnableDiagnostics"] = "0"; // no debugger FIFO of the runtime's own beside the input
        return Process.Start(start)!;
    }
}
