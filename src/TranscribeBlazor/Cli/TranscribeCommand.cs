using Microsoft.Extensions.DependencyInjection;
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

        try
        {
            await using var file = OpenInput(parsed.File);
            var input = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AudioInputOptions>>().Value;
            await using var pipeline = await TranscriptionPipeline.OpenAsync(file, engine, input, cancellationToken);
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
            bool anySpeech = finals.Count > 0;
            if (!anySpeech)
                await stderr.WriteLineAsync(SessionMessages.NoSpeech);
            foreach (var notice in pipeline.Notices)
                await stderr.WriteLineAsync(notice);
            return 0;
        }
        catch (AudioFormatException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 2;
        }
        catch (TranscriptionEngineException e)
        {
            await stderr.WriteLineAsync(e.Message);
            return 3;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            await stderr.WriteLineAsync($"No such file: {parsed.File}");
            return 2;
        }
    }

    private static Stream OpenInput(string path) =>
        path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
}
