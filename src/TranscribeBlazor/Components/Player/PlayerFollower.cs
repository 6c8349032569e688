using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Components.Player;

/// <summary>
/// The player's owner for one circuit: it plays the browser's own copy of the file on screen (never
/// uploaded twice) or the last recording, lights the word being spoken (looked up here, so the markup
/// stays Blazor's), seeks on a word click, and gives MP3/Ogg runs the length the browser measured.
/// </summary>
public sealed class PlayerFollower(IJSRuntime js) : IAsyncDisposable
{
    private readonly Dictionary<string, FileSource> _sources = [];
    private IJSObjectReference? _module;
    private DotNetObjectReference<PlayerFollower>? _self;
    private ElementReference? _audio;
    private SessionSnapshot _shown = SessionSnapshot.Idle;
    private string? _runId;
    private WordTimeline? _timeline;
    private IReadOnlyList<TranscriptResult>? _timelineFinals; // the finals it was built from (immutable: a new final is a new list)

    /// <summary>The player has something to play for the transcript on screen.</summary>
    public bool HasAudio { get; private set; }

    /// <summary>Index of the word playing now (in reading order over the finals), or -1.</summary>
    public int CurrentWord { get; private set; } = -1;

    /// <summary>Where the player is, in seconds, as it last reported (a few times a second while it plays, and after a seek).</summary>
    public double Position { get; private set; }

    /// <summary>Raised with every position report: for the timeline's marker alone, so the transcript does not render on each.</summary>
    public event Action? PositionChanged;

    /// <summary>The file's length as the browser's player measured it (the server cannot tell for MP3 and Ogg streams).</summary>
    public double? BrowserSeconds { get; private set; }

    /// <summary>Dropped files whose input is still needed (waiting, or being uploaded); at 0 the drop zone may let its inputs go.</summary>
    public int HeldFiles => _sources.Count;

    public event Action? Changed;

    public void Register(string fileId, FileSource source) => _sources[fileId] = source;

    public void Forget(string fileId) => _sources.Remove(fileId);

    /// <summary>Wires the page's audio element: its position and length come back through the JSInvokable methods below.</summary>
    public async Task AttachAsync(ElementReference audio)
    {
        _audio = audio;
        _self ??= DotNetObjectReference.Create(this);
        await (await ModuleAsync()).InvokeVoidAsync("attachPlayer", audio, _self);
    }

    /// <summary>
    /// Keeps up with the session: when another run comes on screen the player loads its file (or nothing),
    /// and the inputs of files that are neither waiting nor being read are let go.
    /// </summary>
    public async Task FollowAsync(SessionSnapshot snapshot)
    {
        _shown = snapshot;
        if (_audio is { } audio && snapshot.RunId != _runId)
        {
            _runId = snapshot.RunId;
            BrowserSeconds = null;
            CurrentWord = -1;
            Position = 0;
            var module = await ModuleAsync();
            bool hasAudio = snapshot.RunId is { } run && _sources.TryGetValue(run, out var source)
                ? await module.InvokeAsync<bool>("playFile", audio, source.Zone, source.Batch, source.Index)
                : await module.InvokeAsync<bool>("playFile", audio, null, 0, 0);
            SetHasAudio(hasAudio);
        }
        // The player holds its own blob URL by now; the upload reads through the input until its run ends.
        var needed = snapshot.Waiting.Select(w => w.Id).ToHashSet();
        if (snapshot.IsRunning && snapshot.RunId is { } reading)
            needed.Add(reading);
        foreach (string id in _sources.Keys.Where(id => !needed.Contains(id)).ToArray())
            _sources.Remove(id);
    }

    /// <summary>Plays what <paramref name="load"/> puts into the player: the recording the browser kept of run <paramref name="runId"/>, now on screen.</summary>
    public async Task ShowRecordingAsync(string runId, Func<ElementReference, Task<bool>> load)
    {
        if (_audio is not { } audio) return;
        _runId = runId; // followed already: a late FollowAsync for this run must not unload it
        Position = 0;
        SetHasAudio(await load(audio));
    }

    public async Task SeekAsync(double seconds)
    {
        if (_audio is not { } audio || !HasAudio || _shown.RunId is null) return;
        await (await ModuleAsync()).InvokeVoidAsync("seek", audio, seconds);
    }

    [JSInvokable]
    public void OnPlayerDuration(double seconds)
    {
        BrowserSeconds = double.IsFinite(seconds) && seconds > 0 ? seconds : null;
        Changed?.Invoke();
    }

    /// <summary>
    /// The browser cannot play the file on screen: the server decodes more formats than browsers do (WMA, AMR,
    /// AIFF, CAF), so the player goes away rather than sit there broken; the transcript stays.
    /// </summary>
    [JSInvokable]
    public void OnPlayerCannotPlay()
    {
        BrowserSeconds = null;
        CurrentWord = -1;
        SetHasAudio(false);
    }

    [JSInvokable]
    public async Task OnPlayerTime(double seconds)
    {
        Position = seconds;
        PositionChanged?.Invoke();
        var finals = _shown.Transcript.Finals;
        // By reference, not count: the next run (or transcript) may have as many finals as the last.
        if (_timeline is null || !ReferenceEquals(_timelineFinals, finals))
            (_timeline, _timelineFinals) = (new WordTimeline(finals), finals);
        int word = _timeline.IndexAt(seconds);
        if (word == CurrentWord) return;
        CurrentWord = word;
        Changed?.Invoke();
        if (word >= 0)
            await (await ModuleAsync()).InvokeVoidAsync("scrollIntoView", ".word.current");
    }

    private void SetHasAudio(bool hasAudio)
    {
        if (hasAudio == HasAudio) return;
        HasAudio = hasAudio;
        Changed?.Invoke();
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/transcript.js");

    public ValueTask DisposeAsync()
    {
        _self?.Dispose();
        return ValueTask.CompletedTask;
    }
}
