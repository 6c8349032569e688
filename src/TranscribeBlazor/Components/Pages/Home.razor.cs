using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Components.Upload;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Export;
using TranscribeBlazor.History;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Settings;

namespace TranscribeBlazor.Components.Pages;

/// <summary>
/// The page: composes the panels around one <see cref="TranscriptionSession"/>, renders its changes at
/// most ~20 times a second, and turns dropped files into queued runs. Each panel owns its own feature
/// (settings, recording, history, the player through <see cref="PlayerFollower"/>).
/// </summary>
public sealed partial class Home : IAsyncDisposable
{
    private SessionSnapshot _snapshot = SessionSnapshot.Idle;
    private RenderCoalescer? _renders;
    private DropZone? _dropZone;
    private IJSObjectReference? _module;
    private HistoryEntry? _restored;

    [Inject] private TranscriptionSession Session { get; set; } = default!;
    [Inject] private PlayerFollower Player { get; set; } = default!;
    [Inject] private SettingsState Settings { get; set; } = default!;
    [Inject] private IOptions<EngineOptions> Engines { get; set; } = default!;
    [Inject] private IOptions<AudioInputOptions> AudioInput { get; set; } = default!;
    [Inject] private IOptions<TranscriptionSessionOptions> SessionOptions { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TranscriptCorrections Corrections { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    /// <summary>
    /// The transcript on screen, carried across a circuit pause: Blazor reads it when it pauses the circuit
    /// and hands it to the circuit that resumes, whose session starts empty (the run itself does not survive).
    /// </summary>
    [PersistentState(RestoreBehavior = RestoreBehavior.SkipInitialValue)]
    public HistoryEntry? ShownTranscript
    {
        get => Session.Current is { Transcript.Finals.Count: > 0 } shown
            ? HistoryEntry.Of(shown, DateTimeOffset.UtcNow, "Transcript")
            : null;
        set => _restored = value;
    }

    protected override void OnInitialized()
    {
        if (_restored is { } restored)
            restored.ShowIn(Session, "Restored after the pause: the transcript as it was; a run that was under way has stopped.");
        _snapshot = Session.Current;
        _renders = new RenderCoalescer(() => InvokeAsync(StateHasChanged), RenderCoalescer.DefaultInterval, e => _ = DispatchExceptionAsync(e));
        Session.Changed += _renders.Request;
        Player.Changed += _renders.Request;
    }

    /// <summary>Every render shows the session as it is now.</summary>
    protected override bool ShouldRender()
    {
        _snapshot = Session.Current;
        return true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        await Player.FollowAsync(_snapshot);
        // Once no waiting file needs its input, the drop zone lets the used inputs (and their files) go.
        if (Player.HeldFiles == 0 && _dropZone is not null)
            await _dropZone.ForgetDropsAsync();
    }

    private void OnFilesSelected(FileDrop drop)
    {
        long max = AudioInput.Value.MaxUploadBytes;
        string? engine = Settings.ChosenEngine;
        var request = Settings.Current.ToRequest();
        // The browser can report any size; the pipeline enforces the real limit while reading.
        var files = drop.Files.Select(file => new QueuedFile(file.Name, file.Size, ct => file.OpenReadStream(Math.Max(max, file.Size), ct), engine, request)).ToArray();
        for (int i = 0; i < files.Length; i++)
            Player.Register(files[i].Id, new FileSource(drop.Zone, drop.Batch, i));
        var refused = Session.Enqueue(files);
        foreach (var file in refused)
            Player.Forget(file.Id);
        if (refused.Count > 0)
            Snackbar.Add($"Only {SessionOptions.Value.MaxWaitingFiles} files can wait at once; not added: {string.Join(", ", refused.Select(f => f.Name))}.", Severity.Warning);
    }

    private void RemoveFromQueue(string id)
    {
        if (Session.Remove(id))
            Player.Forget(id);
    }

    private async Task ExportAsync(ExportFormat format)
    {
        var snapshot = Session.Current;
        string text = TranscriptExporter.Export(snapshot.Transcript.Finals, format, snapshot.OriginalFinals);
        await (await ModuleAsync()).InvokeVoidAsync("download", ExportFormats.FileName(snapshot.TranscriptName, format), ExportFormats.MediaType(format), text);
    }

    private async Task RenameSpeakerAsync(string speaker)
    {
        var dialog = await Dialogs.ShowAsync<Components.History.RenameDialog>("Rename speaker", new DialogParameters<Components.History.RenameDialog>
        {
            { d => d.Name, Transcripts.SpeakerNames.Display(speaker) },
            { d => d.Heading, "Rename speaker" },
        });
        if (await dialog.Result is { Canceled: false, Data: string name })
            await Corrections.RenameSpeakerAsync(speaker, name);
    }

    private async Task CopyAsync()
    {
        bool copied = await (await ModuleAsync()).InvokeAsync<bool>("copyText", TranscriptExporter.Text(Session.Current.Transcript.Finals));
        if (copied)
            Snackbar.Add("Copied to the clipboard.", Severity.Success);
        else
            Snackbar.Add("The browser did not allow copying; use TXT instead.", Severity.Warning);
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/transcript.js");

    public ValueTask DisposeAsync()
    {
        if (_renders is not null)
        {
            Session.Changed -= _renders.Request;
            Player.Changed -= _renders.Request;
            _renders.Dispose();
        }
        return ValueTask.CompletedTask;
    }
}
