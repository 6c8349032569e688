using System.Diagnostics;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// One circuit's transcription: runs the pipeline off the circuit's synchronisation context, owns
/// its cancellation, and publishes immutable snapshots through <see cref="Changed"/>. Disposing it (the
/// circuit went away) cancels the run and returns the engine's resources.
/// </summary>
public sealed class TranscriptionSession(EngineCatalog engines, IOptions<TranscriptionOptions> options, ILogger<TranscriptionSession> logger) : IAsyncDisposable
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cancel;
    private Task _run = Task.CompletedTask;
    private volatile SessionSnapshot _current = SessionSnapshot.Idle;
    private SessionSnapshot _beforeRun = SessionSnapshot.Idle;
    private bool _disposed;

    /// <summary>Raised from a background thread whenever <see cref="Current"/> changes.</summary>
    public event Action? Changed;

    public SessionSnapshot Current => _current;

    /// <summary>Completes when the current run has ended (for tests and orderly shutdown).</summary>
    public Task Completion => _run;

    /// <summary>
    /// Starts transcribing. <paramref name="open"/> is called on a background thread; <paramref name="displayName"/>
    /// is only shown, never used as a path. Returns false (and changes nothing) if a run is under way.
    /// </summary>
    public bool Start(string displayName, Func<CancellationToken, Stream> open, string? engineId = null, TranscriptionRequest? request = null)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current.IsRunning) return false;
            var engine = (engineId is null ? null : engines.Find(engineId)) ?? engines.Default;
            _cancel?.Dispose();
            _cancel = new CancellationTokenSource();
            _beforeRun = _current;
            _current = new SessionSnapshot(SessionStatus.Running, TranscriptState.Empty, displayName, engine.DisplayName, null, 0, TimeSpan.Zero, "Reading the file…",
                RunId: Guid.NewGuid().ToString("N"));
            var token = _cancel.Token;
            _run = Task.Run(() => RunAsync(displayName, engine, request ?? TranscriptionRequest.Default, open, token), CancellationToken.None);
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>Shows a transcript from history (when nothing is running). It is not a run: it is not saved again.</summary>
    public void Show(History.HistoryEntry entry)
    {
        lock (_gate)
        {
            if (_current.IsRunning) return;
            var transcript = entry.Results.Aggregate(TranscriptState.Empty, (state, result) => state.Apply(result));
            _current = new SessionSnapshot(SessionStatus.Done, transcript, entry.Name, entry.Engine, null, entry.DurationSeconds, TimeSpan.Zero,
                $"From history: {entry.Created.ToLocalTime():yyyy-MM-dd HH:mm}.");
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// Refuses a file before reading it (e.g. too large). The transcript on screen stays; only the
    /// status says what went wrong.
    /// </summary>
    public void Reject(string displayName, string reason)
    {
        lock (_gate)
        {
            if (_current.IsRunning) return;
            _current = _current with { Status = SessionStatus.Error, Message = $"{displayName}: {reason}" };
        }
        Changed?.Invoke();
    }

    /// <summary>Stops the run; what was transcribed so far stays.</summary>
    public void Cancel()
    {
        CancellationTokenSource? cancel;
        lock (_gate)
            cancel = _current.IsRunning ? _cancel : null;
        // Token callbacks (the upload stream's among them) run on the pool, never inline on the
        // caller's thread: called from a click, inline callbacks could block the circuit itself.
        try
        {
            cancel?.CancelAsync().ContinueWith(
                t => logger.LogError(t.Exception, "Cancelling the transcription failed"),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        catch (ObjectDisposedException)
        {
            // A new run replaced it in between: that run was not the one being cancelled.
        }
    }

    private async Task RunAsync(string displayName, ITranscriptionEngine engine, TranscriptionRequest request, Func<CancellationToken, Stream> open, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TranscriptionPipeline? pipeline = null;
        using var ticker = new PeriodicTimer(ProgressInterval);
        var ticking = TickAsync(ticker, clock, () => pipeline);
        try
        {
            await using var spool = UploadSpool.Start(open(cancellationToken), cancellationToken);
            await using var source = spool.OpenReader();
            pipeline = await TranscriptionPipeline.OpenAsync(source, engine, options.Value.AudioInput, cancellationToken, request).ConfigureAwait(false);
            await using var pipelineScope = pipeline;
            Update(s => s with { Format = pipeline.SourceFormat, Message = "Transcribing…" });
            await foreach (var result in pipeline.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                var seconds = pipeline.SecondsRead;
                Update(s => s with { Transcript = s.Transcript.Apply(result), SecondsProcessed = seconds, Elapsed = clock.Elapsed });
            }
            Update(s => s with
            {
                Status = SessionStatus.Done,
                SecondsProcessed = pipeline.SecondsRead,
                Elapsed = clock.Elapsed,
                Message = DoneMessage(s, pipeline.SecondsRead, clock.Elapsed, pipeline.Notices),
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Update(s => s with { Status = SessionStatus.Cancelled, Elapsed = clock.Elapsed, Message = "Cancelled. The transcript so far is kept." });
        }
        catch (Exception e) when (e is AudioFormatException or TranscriptionEngineException)
        {
            // A file refused before any result leaves the previous transcript on screen.
            Update(s => pipeline is null && !_beforeRun.IsRunning && _beforeRun.Transcript.Finals.Count > 0
                ? _beforeRun with { Status = SessionStatus.Error, Message = $"{displayName}: {e.Message}" }
                : s with { Status = SessionStatus.Error, Elapsed = clock.Elapsed, Message = e.Message });
        }
        catch (Exception e)
        {
            // The upload itself failed (browser went away, stream reset) or a bug: keep the circuit alive and say so.
            logger.LogError(e, "Transcription failed");
            Update(s => s with { Status = SessionStatus.Error, Elapsed = clock.Elapsed, Message = $"Transcription stopped unexpectedly: {e.Message}" });
        }
        finally
        {
            ticker.Dispose();
            await ticking.ConfigureAwait(false);
        }
    }

    private async Task TickAsync(PeriodicTimer ticker, Stopwatch clock, Func<TranscriptionPipeline?> pipeline)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync().ConfigureAwait(false))
            {
                double seconds = pipeline()?.SecondsRead ?? 0;
                Update(s => s.IsRunning ? s with { SecondsProcessed = seconds, Elapsed = clock.Elapsed } : s);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static string DoneMessage(SessionSnapshot s, double seconds, TimeSpan elapsed, IReadOnlyList<string> notices)
    {
        string summary = s.Transcript.Finals.Count == 0
            ? SessionMessages.NoSpeech
            : $"Done: {s.Transcript.Finals.Count} segment(s) from {seconds:0.0} s of audio in {elapsed.TotalSeconds:0.0} s.";
        return string.Join(' ', [summary, .. notices]);
    }

    private void Update(Func<SessionSnapshot, SessionSnapshot> change)
    {
        lock (_gate)
            _current = change(_current);
        Changed?.Invoke(); // outside the lock: handlers may read Current or call Cancel
    }

    public async ValueTask DisposeAsync()
    {
        Task run;
        CancellationTokenSource? cancel;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            cancel = _cancel;
            run = _run;
        }
        if (cancel is not null)
            await cancel.CancelAsync().ConfigureAwait(false);
        await run.ConfigureAwait(false);
        _cancel?.Dispose();
        Changed = null;
    }
}
