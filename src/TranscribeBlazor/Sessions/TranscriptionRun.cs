using System.Diagnostics;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Sessions;

/// <summary>
/// One input transcribed, from opening to its last result: applies each result to the session's snapshot,
/// reports progress every 250 ms, gives back everything it opened, and returns how it ended. What that end
/// means for the queue (try again, keep the previous transcript) is the session's to decide.
/// </summary>
/// <param name="update">Changes the session's snapshot (from a background thread).</param>
internal sealed class TranscriptionRun(RunInput input, RunContext context, Action<Func<SessionSnapshot, SessionSnapshot>> update)
{
    // Four progress updates a second read as continuous; the renders are coalesced further by the page.
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    private readonly Stopwatch _clock = new();
    private volatile OpenedInput? _opened;
    private volatile UploadSpool? _spooling;

    public async Task<RunEnd> RunAsync(CancellationToken cancellationToken)
    {
        _clock.Start();
        using var ticker = new PeriodicTimer(ProgressInterval);
        var ticking = TickAsync(ticker);
        try
        {
            // Told when the engine makes this run wait its turn (a busy server), so the page says where it stands.
            var request = context.Request with
            {
                OnQueuePlace = place => update(s => s.IsRunning ? s with { Message = SessionMessages.QueuePlace(place) } : s),
            };
            var opening = context with
            {
                Request = request,
                OnSpooling = spool => _spooling = spool,
                OnOpeningMessage = message => update(s => s.IsRunning ? s with { Message = message } : s),
            };
            var opened = await input.OpenAsync(opening, cancellationToken).ConfigureAwait(false);
            _opened = opened;
            opened.LiveChanged += OnLiveChanged;
            update(s => s with { Format = opened.Pipeline.SourceFormat, Message = opened.WorkingMessage });
            await foreach (var result in opened.Pipeline.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                double seconds = opened.Pipeline.SecondsProcessed;
                update(s => s with { Transcript = s.Transcript.Apply(result), SecondsProcessed = seconds, Elapsed = _clock.Elapsed });
            }
            return RunEnd.Done(opened.Pipeline.Notices);
        }
        catch (Exception e)
        {
            return RunEnd.Of(e, cancellationToken.IsCancellationRequested, _opened is not null);
        }
        finally
        {
            ticker.Dispose();
            await ticking.ConfigureAwait(false);
            var opened = _opened;
            update(s => s with
            {
                SecondsProcessed = opened?.Pipeline.SecondsProcessed ?? s.SecondsProcessed,
                BytesReceived = opened?.BytesReceived ?? s.BytesReceived,
                Live = opened?.Live ?? s.Live,
                Loudness = opened?.Pipeline.Loudness ?? s.Loudness,
                Elapsed = _clock.Elapsed,
            });
            if (opened is not null) opened.LiveChanged -= OnLiveChanged;
            input.Release(); // before the engine's resources go: a recording stops taking audio first
            if (opened is not null) await opened.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnLiveChanged()
    {
        var live = _opened?.Live;
        update(s => s.IsRunning
            ? s with { Live = live, Elapsed = _clock.Elapsed, Message = live is { Listening: false } ? SessionMessages.Finishing : s.Message }
            : s);
    }

    private async Task TickAsync(PeriodicTimer ticker)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync().ConfigureAwait(false))
            {
                var opened = _opened;
                double seconds = opened?.Pipeline.SecondsProcessed ?? 0;
                long bytes = opened?.BytesReceived ?? _spooling?.BytesReceived ?? 0; // also while a file opens (one that must arrive whole)
                var loudness = opened?.Pipeline.Loudness;
                update(s => s.IsRunning ? s with { SecondsProcessed = seconds, Elapsed = _clock.Elapsed, BytesReceived = bytes, Loudness = loudness ?? s.Loudness } : s);
            }
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
