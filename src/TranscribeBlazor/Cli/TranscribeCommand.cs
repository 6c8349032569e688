using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Export;
using TranscribeBlazor.Hosting;
using TranscribeBlazor.Pipeline;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Cli;

/// <summary>
/// <c>transcribe FILE [--format jsonl|text|txt|srt|vtt|json] [--engine ID] [--Section:Key=value]</c>: the same pipeline as the browser, for
/// scripts and benchmarks. Exit codes: 0 done, 1 usage, 2 unreadable input, 3 engine failure, 130 cancelled.
/// </summary>
public static class TranscribeCommand
{
    public const string Verb = "transcribe";
    private const string Usage = "usage: transcribe FILE [--format jsonl|txt|srt|vtt|json] [--engine ID] [--Section:Key=value ...]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (!CliArguments.TryParse(args, out var parsed, out string? usageError))
        {
            await stderr.WriteLineAsync($"{usageError}\n{Usage}");
            return 1;
        }
        try
        {
            // Awaited with the token as well: opening a FIFO with no writer, or reading a silent stdin, blocks in
            // the kernel and never looks at the token; Ctrl+C must end the command all the same.
            return await TranscribeAsync(parsed, stdout, stderr, cancellationToken).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (Failure(e, parsed.File, cancellationToken) is { } failure)
        {
            await stderr.WriteLineAsync(failure.Message);
            return failure.ExitCode;
        }
    }

    /// <summary>Every way the command can fail, as one line and its exit code: the command's only error boundary.</summary>
    private static (string Message, int ExitCode)? Failure(Exception e, string file, CancellationToken cancellationToken) => e switch
    {
        _ when cancellationToken.IsCancellationRequested => ("Cancelled.", 130), // whatever the interrupted read made of it
        AudioFormatException => (e.Message, 2),
        TranscriptionEngineException => (e.Message, 3),
        OptionsValidationException v => ($"Invalid setting: {string.Join(" ", v.Failures)}", 1),
        InvalidOperationException when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => ($"Invalid setting: {e.Message}", 1),
        FileNotFoundException or DirectoryNotFoundException => ($"No such file: {file}", 2),
        UnauthorizedAccessException => ($"Cannot read {file}: permission denied.", 2),
        PathTooLongException => ($"Cannot read {file}: the name is too long.", 2),
        IOException when e.Message.Contains("symbolic links", StringComparison.OrdinalIgnoreCase) => ($"Cannot read {file}: its symbolic links go round in a loop.", 2),
        IOException => ($"Cannot read {file}: {e.Message}", 2),
        _ => null,
    };

    private static async Task<int> TranscribeAsync(CliArguments parsed, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(parsed.ConfigurationArgs);
        builder.Logging.ClearProviders();
        builder.Services.AddTranscription();
        using var host = builder.Build();
        var catalog = host.Services.GetRequiredService<EngineCatalog>();
        var engine = parsed.Engine is null ? catalog.Default : catalog.Find(parsed.Engine);
        if (engine is null)
        {
            await stderr.WriteLineAsync($"Unknown engine '{parsed.Engine}'. Known: {string.Join(", ", catalog.All.Select(e => e.Id))}.");
            return 1;
        }
        var input = host.Services.GetRequiredService<IOptions<AudioInputOptions>>().Value;
        if (parsed.File != "-" && Directory.Exists(parsed.File))
            throw new AudioFormatException(AudioError.NotAudio, $"{parsed.File} is a directory, not a file.");

        await using var file = await OpenInputAsync(parsed.File, cancellationToken);
        // A file named on the command line is seekable: ffmpeg reads an index-last MP4 from it directly.
        await using var pipeline = await TranscriptionPipeline.OpenAsync(file, engine, input, cancellationToken, wholeFile: WholeFile.Of(file));
        var finals = new List<TranscriptResult>();
        await foreach (var result in pipeline.RunAsync(cancellationToken))
        {
            if (parsed.Format == CliFormat.Jsonl)
                await stdout.WriteLineAsync(TranscriptJson.ToJsonLine(result));
            else if (!result.IsPartial && result.Transcript.Length > 0 && parsed.Format is CliFormat.Text or CliFormat.Txt)
                await stdout.WriteAsync(TranscriptExporter.Text([result])); // plain text streams as it settles
            if (!result.IsPartial && result.Transcript.Length > 0)
                finals.Add(result);
        }
        if (parsed.Format is CliFormat.Srt or CliFormat.Vtt or CliFormat.Json)
            await stdout.WriteAsync(TranscriptExporter.Export(finals, Enum.Parse<ExportFormat>(parsed.Format.ToString())));
        if (finals.Count == 0)
            await stderr.WriteLineAsync(SessionMessages.NoSpeech);
        foreach (var notice in pipeline.Notices)
            await stderr.WriteLineAsync(notice);
        return 0;
    }

    // Opened on the pool: opening a FIFO blocks until a writer comes, and the caller must stay free to cancel.
    private static Task<Stream> OpenInputAsync(string path, CancellationToken cancellationToken) =>
        path == "-"
            ? Task.FromResult(Console.OpenStandardInput())
            : Task.Run(Stream () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true), cancellationToken);
}
