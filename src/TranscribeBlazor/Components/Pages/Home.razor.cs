using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Export;
using TranscribeBlazor.History;
using TranscribeBlazor.Transcripts;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Components.Recording;
using TranscribeBlazor.Components.Upload;
using TranscribeBlazor.Audio;
using Microsoft.JSInterop;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Settings;

namespace TranscribeBlazor.Components.Pages;

public sealed partial class Home : IAsyncDisposable
{
    private SessionSnapshot _snapshot = SessionSnapshot.Idle;
    private RenderCoalescer? _renders;
    private IReadOnlyList<EngineChoice> _choices = [];
    private UserSettings _settings = UserSettings.Default;
    private readonly CancellationTokenSource _disposed = new();
    private IJSObjectReference? _module;
    private string? _notice;
    private IReadOnlyList<HistorySummary> _history = [];
    private string? _historyMessage;
    private string? _queueMessage;
    private readonly Dictionary<string, FileSource> _sources = [];
    private string? _playerRunId;
    private double? _playerSeconds;
    private DropZone? _dropZone;
    private AudioPlayer? _player;
    private DotNetObjectReference<Home>? _self;
    private bool _hasAudio;
    private int _currentWord = -1;
    private WordTimeline? _timeline;
    private int _timelineFinals = -1;
    private MicrophoneRecorder? _recorder;
    private string? _recordingRunId;
    private string? _micUnavailable;
    private bool _micStarting;
    private bool _micStopping;

    [Inject]
    private HistoryStore History { get; set; } = default!;

    [Inject]
    private Radzen.ThemeService Theme { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TranscriptionSession Session { get; set; } = default!;

    [Inject]
    private IOptions<TranscriptionOptions> Options { get; set; } = default!;

    [Inject]
    private EngineCatalog Engines { get; set; } = default!;

    [Inject]
    private AwsCredentialSource AwsCredentials { get; set; } = default!;

    [Inject]
    private SettingsStore Store { get; set; } = default!;

    protected override void OnInitialized()
    {
        _snapshot = Session.Current;
        _renders = new RenderCoalescer(
            () => InvokeAsync(() =>
            {
                _snapshot = Session.Current;
                StateHasChanged();
            }),
            RenderCoalescer.DefaultInterval,
            e => _ = DispatchExceptionAsync(e));
        Session.Changed += _renders.Request;
        Session.RunEnded += OnRunEnded;
        _recorder = new MicrophoneRecorder(JS); // before the first click can reach RecordAsync
    }

    /// <summary>Where the player finds a queued file: which drop's input, and its place there.</summary>
    private readonly record struct FileSource(int Batch, ElementReference Input, int Index);

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            await FollowRunWithPlayerAsync();
            return;
        }
        // Browser storage needs the circuit's JS; engine checks may take a moment (AWS credential chain).
        _settings = await Store.LoadAsync();
        Theme.SetTheme(_settings.ThemeName);
        if (_player is not null)
        {
            _self = DotNetObjectReference.Create(this);
            await (await ModuleAsync()).InvokeVoidAsync("attachPlayer", _player.Element, _self);
        }
        _history = await History.ListAsync();
        _micUnavailable = await _recorder!.ProblemAsync();
        StateHasChanged();
        _choices = await EngineChoice.ListAsync(Engines, AwsCredentials, _disposed.Token);
        // A remembered engine that cannot run now (credentials gone) falls back to the default, visibly.
        if (_settings.EngineId is { } id && _choices.FirstOrDefault(c => c.Id == id) is not { IsAvailable: true })
            _settings = _settings with { EngineId = null };
        StateHasChanged();
    }

    private async Task OnSettingsChanged(UserSettings settings)
    {
        if (settings.DarkTheme != _settings.DarkTheme)
            Theme.SetTheme(settings.ThemeName);
        _settings = settings;
        await Store.SaveAsync(settings);
    }

    /// <summary>The engine the user picked, if it can run; null means the default.</summary>
    private string? ChosenEngine => _choices.FirstOrDefault(c => c.Id == _settings.EngineId) is { IsAvailable: true } chosen ? chosen.Id : null;

    private void OnFilesSelected(FileDrop drop)
    {
        long max = Options.Value.MaxUploadBytes;
        string? engine = ChosenEngine;
        var request = _settings.ToRequest();
        // The browser can report any size; the pipeline enforces the real limit while reading.
        var files = drop.Files.Select(file => new QueuedFile(file.Name, file.Size, ct => file.OpenReadStream(Math.Max(max, file.Size), ct), engine, request)).ToArray();
        for (int i = 0; i < files.Length; i++)
            _sources[files[i].Id] = new FileSource(drop.Batch, drop.Input, i);
        var refused = Session.Enqueue(files);
        foreach (var file in refused)
            _sources.Remove(file.Id);
        _queueMessage = refused.Count == 0 ? null
            : $"Only {Options.Value.MaxWaitingFiles} files can wait at once; not added: {string.Join(", ", refused.Select(f => f.Name))}.";
        _snapshot = Session.Current;
    }

    /// <summary>
    /// Points the player at the file now on screen once its run starts, and lets go of the inputs of
    /// files that are neither on screen nor waiting.
    /// </summary>
    private async Task FollowRunWithPlayerAsync()
    {
        if (_player is null || _snapshot.RunId == _playerRunId) return;
        _playerRunId = _snapshot.RunId;
        _playerSeconds = null;
        _currentWord = -1;
        var live = _snapshot.Waiting.Select(w => w.Id).Append(_snapshot.RunId).ToHashSet();
        foreach (string id in _sources.Keys.Where(id => !live.Contains(id)).ToArray())
            _sources.Remove(id);
        _dropZone?.Retain(_sources.Values.Select(s => s.Batch).ToHashSet());
        var module = await ModuleAsync();
        bool hasAudio = _snapshot.RunId is { } run && _sources.TryGetValue(run, out var source)
            ? await module.InvokeAsync<bool>("playFile", _player.Element, source.Input, source.Index)
            : await module.InvokeAsync<bool>("playFile", _player.Element, null, 0);
        if (hasAudio == _hasAudio) return;
        _hasAudio = hasAudio;
        StateHasChanged();
    }

    /// <summary>Asks for the microphone, then transcribes what it hears until Stop. A refusal is shown; the transcript on screen stays.</summary>
    private async Task RecordAsync()
    {
        if (_recorder is null || _micStarting || Session.Current.IsRunning) return;
        _micStarting = true;
        try
        {
            var options = Options.Value;
            var audio = new MicrophoneAudio(options.Microphone);
            var started = await _recorder.StartAsync(audio, options.LiveBrowserBacklogSeconds, options.LivePlaybackSeconds);
            if (started.Problem is { } problem)
            {
                Session.Refuse(problem);
                return;
            }
            var recording = new LiveRecording(started.LocalTime is { } time ? $"Recording {time}" : "Recording", audio, ChosenEngine, _settings.ToRequest());
            _recordingRunId = recording.Id;
            if (!Session.StartRecording(recording))
            {
                // A file started while the browser asked for the microphone: it goes first.
                _recordingRunId = null;
                await _recorder.StopAsync();
                _queueMessage = "A file started transcribing before the microphone was ready; record again when it has finished.";
            }
        }
        finally
        {
            _micStarting = false;
            _snapshot = Session.Current;
        }
    }

    /// <summary>Stop: the browser sends what it still holds, then the engine finishes the last utterance.</summary>
    private async Task StopRecordingAsync()
    {
        if (_recorder is null || _micStopping) return;
        _micStopping = true;
        try
        {
            await _recorder.StopAsync();
        }
        finally
        {
            _micStopping = false;
            _snapshot = Session.Current;
        }
    }

    /// <summary>A recording's run ended (stopped, cancelled, failed): capture stops if it has not, and the player gets the recording.</summary>
    private async Task FinishRecordingAsync(SessionSnapshot ended)
    {
        if (_recorder is null || ended.RunId is null || ended.RunId != _recordingRunId) return;
        _recordingRunId = null;
        await _recorder.StopAsync();
        if (_player is null || Session.Current.RunId != ended.RunId) return; // a queued file took over the screen
        _hasAudio = await _recorder.PlayAsync(_player.Element);
        StateHasChanged();
    }

    private void RemoveFromQueue(string id)
    {
        if (Session.Remove(id))
            _sources.Remove(id);
        _snapshot = Session.Current;
    }

    private void Resume()
    {
        Session.Resume();
        _snapshot = Session.Current;
    }

    private void CancelAll()
    {
        Session.CancelAll();
        _snapshot = Session.Current;
    }

    /// <summary>A run that ended with something transcribed goes to the browser's history (the page may never have rendered its last state).</summary>
    private void OnRunEnded(SessionSnapshot ended) => _ = InvokeAsync(async () =>
    {
        try
        {
            await FinishRecordingAsync(ended);
            await KeepIfFinishedAsync(ended);
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
            // The run ended because the tab closed (or the server is stopping): no browser left to keep it in.
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    /// <summary>The player read the file's header: its length gives MP3 and Ogg runs a progress bar.</summary>
    [JSInvokable]
    public Task OnPlayerDuration(double seconds) => InvokeAsync(() =>
    {
        _playerSeconds = double.IsFinite(seconds) && seconds > 0 ? seconds : null;
        StateHasChanged();
    });

    /// <summary>The player's position: light the word being spoken (looked up on the server, so the markup stays Blazor's).</summary>
    [JSInvokable]
    public Task OnPlayerTime(double seconds) => InvokeAsync(async () =>
    {
        var finals = _snapshot.Transcript.Finals;
        if (_timeline is null || _timelineFinals != finals.Count)
            (_timeline, _timelineFinals) = (new WordTimeline(finals), finals.Count);
        int word = _timeline.IndexAt(seconds);
        if (word == _currentWord) return;
        _currentWord = word;
        StateHasChanged();
        if (word >= 0)
            await (await ModuleAsync()).InvokeVoidAsync("scrollIntoView", ".word.current");
    });

    private async Task SeekAsync(double seconds)
    {
        if (_player is null || !_hasAudio || _snapshot.RunId is null) return;
        await (await ModuleAsync()).InvokeVoidAsync("seek", _player.Element, seconds);
    }

    /// <summary>A run that ended with something transcribed goes to the browser's history, once.</summary>
    private async Task KeepIfFinishedAsync(SessionSnapshot snapshot)
    {
        if (!snapshot.IsKeepable) return;
        var entry = new HistoryEntry(snapshot.RunId!, snapshot.FileName ?? "Recording", DateTimeOffset.UtcNow, snapshot.SecondsProcessed,
            snapshot.EngineName ?? "", snapshot.Transcript.Finals);
        try
        {
            var evicted = await History.AddAsync(entry);
            _historyMessage = evicted.Count > 0 ? $"History is full: removed the oldest ({string.Join(", ", evicted.Select(e => e.Name))})." : null;
        }
        catch (HistoryFullException e)
        {
            _historyMessage = e.Message;
        }
        _history = await History.ListAsync();
        StateHasChanged();
    }

    private async Task OpenFromHistoryAsync(string id)
    {
        var entry = await History.GetAsync(id);
        if (entry is null)
        {
            _historyMessage = "That transcript could not be read any more and was removed from the list.";
            _history = await History.ListAsync();
            return;
        }
        _historyMessage = null;
        Session.Show(entry);
    }

    private async Task RenameInHistoryAsync((string Id, string Name) rename)
    {
        await History.RenameAsync(rename.Id, rename.Name);
        _history = await History.ListAsync();
    }

    private async Task DeleteFromHistoryAsync(string id)
    {
        await History.DeleteAsync(id);
        _history = await History.ListAsync();
    }

    private async Task ClearHistoryAsync()
    {
        await History.ClearAsync();
        _history = [];
        _historyMessage = null;
    }

    private async Task ExportAsync(ExportFormat format)
    {
        var snapshot = Session.Current;
        string text = TranscriptExporter.Export(snapshot.Transcript.Finals, format);
        var module = await ModuleAsync();
        await module.InvokeVoidAsync("download", ExportFormats.FileName(snapshot.FileName, format), ExportFormats.MediaType(format), text);
    }

    private async Task CopyAsync()
    {
        var module = await ModuleAsync();
        bool copied = await module.InvokeAsync<bool>("copyText", TranscriptExporter.Text(Session.Current.Transcript.Finals));
        _notice = copied ? "Copied to the clipboard." : "The browser did not allow copying; use TXT instead.";
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/transcript.js");

    public async ValueTask DisposeAsync()
    {
        _disposed.Cancel();
        _disposed.Dispose();
        _self?.Dispose();
        if (_renders is not null)
        {
            Session.Changed -= _renders.Request;
            Session.RunEnded -= OnRunEnded;
            _renders.Dispose();
        }
        if (_recorder is not null)
            await _recorder.DisposeAsync();
    }
}
