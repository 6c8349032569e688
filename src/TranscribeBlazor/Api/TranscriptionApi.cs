using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Admission;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Export;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Api;

/// <summary>
/// <c>POST /api/transcriptions</c>: the audio is the request body, spooled and transcribed while it
/// arrives, with the browser's limits, admission, queue and messages. The answer is the result events
/// as they happen (application/x-ndjson), or, with <c>Accept: application/json</c> or <c>?format=</c>,
/// the whole transcript once done. A client that goes away cancels its run and frees its recogniser.
/// </summary>
public static class TranscriptionApi
{
    public const string Path = "/api/transcriptions";

    public static IServiceCollection AddTranscriptionApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeys>();
        services.AddOpenApi();
        return services;
    }

    /// <summary>Maps the endpoint and its OpenAPI document (<c>/openapi/v1.json</c>) when <c>Api:Keys</c> has a key; otherwise both answer 404.</summary>
    public static WebApplication MapTranscriptionApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.Enabled) return app;
        app.MapOpenApi();
        app.MapPost(Path, TranscribeAsync)
            .WithName("Transcribe")
            .WithSummary("Transcribe the audio in the request body")
            .WithDescription("Send any audio the app reads (WAV, FLAC, Ogg, MP3, M4A, WebM...) as the body with `Authorization: Bearer <key>`. "
                + "The response streams application/x-ndjson: one line per result (resultId, isPartial, startTime, endTime, transcript, items), "
                + "queuePlace lines while the run waits for a recogniser, then one line with the outcome. "
                + "Accept: application/json (or format=json) waits and returns Amazon Transcribe's result shape; format=srt|vtt|txt returns that export.")
            // "*/*" too: a body of another type reaches the handler, whose 415 says what to send (the routing's own 415 has no body).
            .Accepts(typeof(Stream), isOptional: true, "audio/*", "video/*", "application/octet-stream", "*/*")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/plain")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status408RequestTimeout)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> TranscribeAsync(
        HttpContext http,
        [AsParameters] ApiQuery query,
        ApiKeys keys,
        EngineCatalog engines,
        AdmissionControl admission,
        IOptions<AudioInputOptions> audio,
        IOptions<UploadOptions> uploads,
        SpoolBudget spool,
        ILoggerFactory logs)
    {
        switch (keys.Check(http.Request.Headers.Authorization))
        {
            case ApiKeyCheck.Missing:
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return ApiProblems.Of(StatusCodes.Status401Unauthorized, "Send an API key as `Authorization: Bearer <key>`.");
            case ApiKeyCheck.Wrong:
                return ApiProblems.Of(StatusCodes.Status403Forbidden, "That API key is not accepted here.");
        }
        if (ApiRequest.Parse(query, http.Request.Headers.Accept, out string? error) is not { } request)
            return ApiProblems.Of(StatusCodes.Status400BadRequest, error!);
        var engine = request.EngineId is null ? engines.Default : engines.Find(request.EngineId);
        if (engine is null)
            return ApiProblems.Of(StatusCodes.Status400BadRequest, $"engine '{request.EngineId}' is not one of {string.Join(", ", engines.All.Select(e => e.Id))}.");
        if (!IsAudioMediaType(http.Request.ContentType))
            return ApiProblems.Of(StatusCodes.Status415UnsupportedMediaType, $"The body is {http.Request.ContentType}; send the audio file itself (any audio/* or video/* type, or application/octet-stream).");
        long maxBytes = audio.Value.MaxUploadBytes;
        if (http.Request.ContentLength > maxBytes)
            return ApiProblems.Of(StatusCodes.Status413PayloadTooLarge, $"The body is {http.Request.ContentLength} bytes; this server transcribes at most {maxBytes} bytes per request.");
        // The app's own requests are small, so Kestrel's limit is 1 MB; this one is the audio. Past this many bytes
        // the reader stops with a notice, as in the browser, before the server would refuse the rest.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = maxBytes;

        string client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!admission.TryAdmit(client, out var admitted, out var refusal))
        {
            http.Response.Headers.RetryAfter = "30";
            return refusal.ServerFull
                ? ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, $"The server is busy: {refusal.Running} transcriptions are running or waiting (at most {refusal.Limit}). Try again later.")
                : ApiProblems.Of(StatusCodes.Status429TooManyRequests, $"This client already has the most transcriptions one client may run at once ({refusal.Limit}). Send the next when one ends.");
        }
        using (admitted)
        {
            var log = logs.CreateLogger(typeof(TranscriptionApi));
            var clock = Stopwatch.StartNew();
            // Event lines are made only for a streamed answer; the other formats wait for the finals alone.
            bool streaming = request.Format == ApiResponseFormat.Events;
            var events = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
            var transcription = request.Transcription with
            {
                Client = client,
                OnQueuePlace = streaming ? place => events.Writer.TryWrite(ApiEvents.QueuePlace(place)) : null,
            };
            var file = new QueuedFile("api", http.Request.ContentLength, _ => http.Request.Body, engine.Id, transcription);
            var cancel = http.RequestAborted;

            OpenedInput opened;
            try
            {
                opened = await file.OpenAsync(new RunContext(engine, transcription, uploads.Value, audio.Value, spool), cancel);
            }
            catch (Exception e) when (!cancel.IsCancellationRequested)
            {
                log.LogInformation("API transcription refused before it began: {Reason}", e.GetType().Name);
                return ApiProblems.Of(e);
            }
            await using (opened)
            {
                var finals = new List<TranscriptResult>();
                var run = Task.Run(async () =>
                {
                    try
                    {
                        await foreach (var result in opened.Pipeline.RunAsync(cancel))
                        {
                            if (!result.IsPartial && result.Transcript.Length > 0) finals.Add(result);
                            if (streaming) events.Writer.TryWrite(ApiEvents.Result(result));
                        }
                        return RunEnd.Done(opened.Pipeline.Notices);
                    }
                    catch (Exception e)
                    {
                        return RunEnd.Of(e, cancel.IsCancellationRequested, opened: true);
                    }
                    finally
                    {
                        events.Writer.TryComplete();
                    }
                }, CancellationToken.None);

                RunEnd end = streaming ? await StreamAsync(http.Response, events.Reader, run, ended => ApiEvents.Outcome(ended, finals.Count, opened.Pipeline.SecondsProcessed), cancel) : await run;
                log.LogInformation("API transcription ended {Outcome} after {Seconds:0.0} s ({Audio:0.0} s of audio)", end.Kind, clock.Elapsed.TotalSeconds, opened.Pipeline.SecondsProcessed);
                if (streaming) return Results.Empty;
                if (end.Kind != RunEndKind.Done)
                    return end.Unexpected is not null ? ApiProblems.Of(end.Unexpected) : ApiProblems.Of(StatusCodes.Status503ServiceUnavailable, end.Message);
                var format = request.Format switch
                {
                    ApiResponseFormat.Srt => ExportFormat.Srt,
                    ApiResponseFormat.Vtt => ExportFormat.Vtt,
                    ApiResponseFormat.Txt => ExportFormat.Txt,
                    _ => ExportFormat.Json,
                };
                return Results.Text(TranscriptExporter.Export(finals, format), ExportFormats.MediaType(format));
            }
        }
    }

    /// <summary>Writes each event line as it comes, then the outcome line; a client that goes away ends the run (same token), whose end is returned all the same.</summary>
    private static async Task<RunEnd> StreamAsync(HttpResponse response, ChannelReader<string> events, Task<RunEnd> run, Func<RunEnd, string> outcome, CancellationToken cancel)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/x-ndjson; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        try
        {
            await response.StartAsync(cancel);
            await foreach (string line in events.ReadAllAsync(cancel))
                await WriteLineAsync(response, line, cancel);
            await WriteLineAsync(response, outcome(await run), cancel);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
        }
        return await run;
    }

    private static async Task WriteLineAsync(HttpResponse response, string line, CancellationToken cancellationToken)
    {
        await response.WriteAsync(line + "\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }

    // The format is judged from the bytes; the type only has to say "a file", not something else entirely.
    private static bool IsAudioMediaType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType)
        || contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/ogg", StringComparison.OrdinalIgnoreCase);
}
