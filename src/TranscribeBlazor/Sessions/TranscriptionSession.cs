using TranscribeBlazor.IO;
using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Admission;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Transcripts;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// One circuit's transcription: runs the pipeline off the circuit's synchronisation context, owns
/// its cancellation, and publishes immutable snapshots through <see cref="Changed"/>. Disposing it (the
/// circuit went away) cancels the run and returns the engine's resources.
/// </summary>
public sealed class TranscriptionSession(
    EngineCatalog engines,
    IOptions<TranscriptionSessionOptions> options,
    IOptions<UploadOptions> uploads,
    IOptions<AudioInputOptions> audio,
    AdmissionControl admission,
    SpoolBudget spool,
    ClientIdentity client,
    ILogger<TranscriptionSession> logger) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cancel;
    private Task _run = Task.CompletedTask;
    private readonly List<QueuedFile> _waiting = [];
    private volatile SessionSnapshot _current = SessionSnapshot.Idle;
    private SessionSnapshot _beforeRun = SessionSnapshot.Idle;
    private bool _disposed;
    private bool _paused;

    /// <summary>Raised from a background thread whenever <see cref="Current"/> changes.</summary>
    public event Action? Changed;

    public SessionSnapshot Current => _current;

    /// <summary>Completes when the current run has ended (for tests and orderly shutdown).</summary>
    public Task Completion => _run;

    /// <summary>Raised from a background thread with the last snapshot of each run that ended, before the next queued file starts.</summary>
    public event Action<SessionSnapshot>? RunEnded;

    /// <summary>
    /// Starts transcribing now. <paramref name="open"/> is called on a background thread; <paramref name="displayName"/>
    /// is only shown, never used as a path. Returns false (and changes nothing) if a run is under way.
    /// </summary>
    public bool Start(string displayName, Func<CancellationToken, Stream> open, string? engineId = null, TranscriptionRequest? request = null, long? size = null) =>
        StartNow(new QueuedFile(displayName, size, open, engineId, request));

    /// <summary>
    /// Starts transcribing a live recording, whose audio arrives while it runs. Returns false (and changes
    /// nothing) if a run is under way. Files dropped meanwhile wait until the recording has ended.
    /// </summary>
    public bool StartRecording(LiveRecording recording) => StartNow(recording);

    private bool StartNow(RunInput input)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current.IsRunning) return false;
            StartLocked(input);
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// Says why something the user asked for could not start (the microphone refused), keeping the transcript on
    /// screen. Ignored while a run is under way: the run's own state is what the page shows then.
    /// </summary>
    public void Refuse(string message)
    {
        lock (_gate)
        {
            if (_current.IsRunning) return;
            _current = _current with { Status = SessionStatus.Error, Message = message };
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// Adds files to run one after another, after whatever is running or waiting. Returns those that did
    /// not fit under <see cref="TranscriptionSessionOptions.MaxWaitingFiles"/>; nothing else changes for them.
    /// </summary>
    public IReadOnlyList<QueuedFile> Enqueue(IReadOnlyList<QueuedFile> files)
    {
        IReadOnlyList<QueuedFile> refused;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // When nothing runs, the first file starts at once rather than waiting.
            int room = Math.Max(0, options.Value.MaxWaitingFiles - _waiting.Count + (_current.IsRunning ? 0 : 1));
            _waiting.AddRange(files.Take(room));
            refused = files.Skip(room).ToArray();
            _paused = false; // new files are the user trying again
            if (!_current.IsRunning && _waiting.Count > 0)
                StartLocked(TakeNextLocked());
            else
                _current = _current with { Waiting = WaitingLocked() };
        }
        Changed?.Invoke();
        return refused;
    }

    /// <summary>Takes a file out of the queue before it starts; false if it is not waiting (any more).</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (_waiting.RemoveAll(f => f.Id == id) == 0) return false;
            _current = _current with { Waiting = WaitingLocked() };
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>Empties the queue and cancels the run: what was transcribed so far stays.</summary>
    public void CancelAll()
    {
        lock (_gate)
        {
            _waiting.Clear();
            _paused = false;
            _current = _current with { Waiting = [], QueuePaused = false };
        }
        Changed?.Invoke();
        Cancel();
    }

    /// <summary>Starts the queue again after the server was busy.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _paused = false;
            if (!_current.IsRunning && _waiting.Count > 0)
                StartLocked(TakeNextLocked());
            else
                _current = _current with { QueuePaused = false };
        }
        Changed?.Invoke();
    }

    private void StartLocked(RunInput input)
    {
        var engine = (input.EngineId is null ? null : engines.Find(input.EngineId)) ?? engines.Default;
        _cancel?.Dispose();
        _cancel = new CancellationTokenSource();
        _beforeRun = _current;
        _current = new SessionSnapshot(SessionStatus.Running, TranscriptState.Empty, input.Name, engine.DisplayName, null, 0, TimeSpan.Zero,
            input.OpeningMessage, RunId: input.Id)
        {
            Waiting = WaitingLocked(),
            BytesTotal = (input as QueuedFile)?.Size,
            Live = input.LiveAtStart,
        };
        var token = _cancel.Token;
        _run = Task.Run(() => RunAsync(input, engine, token), CancellationToken.None);
    }

    private QueuedFile TakeNextLocked()
    {
        var next = _waiting[0];
        _waiting.RemoveAt(0);
        return next;
    }

    private WaitingFile[] WaitingLocked() => [.. _waiting.Select(f => new WaitingFile(f.Id, f.Name, f.Size))];

    /// <summary>Shows a finished transcript (from history, or kept across a pause) when nothing is running. It is not a run: it is not saved again.</summary>
    /// <param name="message">What the panel says about it: where it came from.</param>
    /// <param name="id">Its history entry, which corrections update.</param>
    /// <param name="original">The recogniser's results, when <paramref name="results"/> are a person's correction of them.</param>
    public void Show(string name, string engine, double durationSeconds, IEnumerable<TranscriptResult> results, string message, string? id = null, IReadOnlyList<TranscriptResult>? original = null)
    {
        lock (_gate)
        {
            if (_current.IsRunning) return;
            var transcript = results.Aggregate(TranscriptState.Empty, (state, result) => state.Apply(result));
            _current = new SessionSnapshot(SessionStatus.Done, transcript, name, engine, null, durationSeconds, TimeSpan.Zero, message, id)
            {
                Waiting = _current.Waiting,
                OriginalFinals = original,
            };
        }
        Changed?.Invoke();
    }

    /// <summary>
    /// Puts a person's correction of the transcript on screen (what exports, the player and history then
    /// use). Refused while a run is under way: its lines are still arriving.
    /// </summary>
    public bool Correct(ImmutableList<TranscriptResult> finals, IReadOnlyList<TranscriptResult> original)
    {
        lock (_gate)
        {
            if (_current.IsRunning || _current.Transcript.Finals.Count == 0) return false;
            _current = _current with
            {
                Transcript = new TranscriptState(finals, null),
                OriginalFinals = finals.SequenceEqual(original) ? null : original,
            };
        }
        Changed?.Invoke();
        return true;
    }

    /// <summary>Stops the run; what was transcribed so far stays, and the next waiting file starts.</summary>
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

    private async Task RunAsync(RunInput input, ITranscriptionEngine engine, CancellationToken cancellationToken)
    {
        RunEnd end;
        if (admission.TryAdmit(client.Address, out var admitted, out var refusal))
        {
            using (admitted)
            {
                var request = (input.Request ?? TranscriptionRequest.Default) with { Client = client.Address };
                var context = new RunContext(engine, request, uploads.Value, audio.Value, spool);
                end = await new TranscriptionRun(input, context, Update).RunAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            input.Release();
            end = RunEnd.Busy(refusal.Message);
        }
        if (end.Unexpected is not null)
            logger.LogError(end.Unexpected, "Transcription failed");
        Conclude(input, end);
        EndRun();
    }

    /// <summary>Shows how the run ended; a refused file goes back to the queue, or leaves the previous transcript on screen.</summary>
    private void Conclude(RunInput input, RunEnd end)
    {
        if (end.Kind == RunEndKind.Busy && input is QueuedFile file)
        {
            // Nothing lost: the file goes back to the head of the queue, which waits for the user to try again.
            lock (_gate)
            {
                _waiting.Insert(0, file);
                _paused = true;
            }
            Update(s => _beforeRun with { Status = SessionStatus.Error, Message = end.Message, Waiting = WaitingLocked(), QueuePaused = true });
            return;
        }
        Update(s => end.Kind switch
        {
            RunEndKind.Done => s with { Status = SessionStatus.Done, Message = DoneMessage(s, end.Notices) },
            RunEndKind.Cancelled => s with { Status = SessionStatus.Cancelled, Message = end.Message },
            // A file refused before any result leaves the previous transcript on screen, under the refused
            // file's name (its format was never read, so none is shown) and saying whose transcript it is.
            RunEndKind.Busy or RunEndKind.Refused when !end.Opened && !_beforeRun.IsRunning && _beforeRun.Transcript.Finals.Count > 0
                => _beforeRun with
                {
                    Status = SessionStatus.Error,
                    Message = $"{input.Name}: {end.Message}",
                    FileName = input.Name,
                    EngineName = s.EngineName,
                    Format = null,
                    TranscriptOf = _beforeRun.TranscriptName,
                    Waiting = s.Waiting,
                },
            _ => s with { Status = SessionStatus.Error, Message = end.Message },
        });
    }

    /// <summary>Reports the run that ended, then starts the next waiting file, if any (not after disposal).</summary>
    private void EndRun()
    {
        SessionSnapshot ended;
        lock (_gate)
            ended = _current;
        // Reported before the next file starts: a quick next run must not report its end first (history keeps them in order).
        RunEnded?.Invoke(ended);
        bool next;
        lock (_gate)
        {
            // A drop may have started a file meanwhile; then that run ends the queue's wait, not this one.
            next = !_disposed && !_paused && !_current.IsRunning && _waiting.Count > 0;
            if (next)
                StartLocked(TakeNextLocked());
        }
        if (next)
            Changed?.Invoke();
    }

    private static string DoneMessage(SessionSnapshot s, IReadOnlyList<string> notices)
    {
        string summary = s.Transcript.Finals.Count == 0
            ? SessionMessages.NoSpeech
            : $"Done: {Counted.Of(s.Transcript.Finals.Count, "segment")} from {s.SecondsProcessed:0.0} s of audio in {s.Elapsed.TotalSeconds:0.0} s.";
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
            _waiting.Clear();
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
