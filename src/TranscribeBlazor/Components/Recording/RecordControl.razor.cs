using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Settings;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Components.Recording;

/// <summary>
/// The owner of live recording on the page: asks for the microphone, starts the run, stops it, and once
/// the run ends hands the browser's copy of the recording to the player.
/// </summary>
public sealed partial class RecordControl : IAsyncDisposable
{
    private MicrophoneRecorder? _recorder;
    private string? _recordingRunId;
    private string? _unavailable;
    private bool _starting;
    private bool _stopping;

    [Inject] private TranscriptionSession Session { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IOptions<MicrophoneOptions> Microphone { get; set; } = default!;
    [Inject] private IOptions<AudioInputOptions> AudioInput { get; set; } = default!;
    [Inject] private IOptions<UploadOptions> Uploads { get; set; } = default!;
    [Inject] private SettingsState Settings { get; set; } = default!;
    [Inject] private PlayerFollower Player { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The live recording under way, if any.</summary>
    [Parameter]
    public LiveStatus? Live { get; set; }

    /// <summary>Something is being transcribed: recording waits until it ends.</summary>
    [Parameter]
    public bool Busy { get; set; }

    private MicrophoneLimits Limits => Microphone.Value.LimitsWith(AudioInput.Value.MaxDuration, Uploads.Value.StallTimeout);

    private double BacklogLimitSeconds => Limits.MaxBacklogSeconds;

    private string Hint => _unavailable
        ?? (Busy ? "Recording can start once the current transcription ends." : "Or transcribe live from your microphone.");

    private static string LevelText(double level) => level.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);

    protected override void OnInitialized()
    {
        _recorder = new MicrophoneRecorder(JS); // before the first click can reach RecordAsync
        Session.RunEnded += OnRunEnded;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _unavailable = await _recorder!.ProblemAsync();
        if (_unavailable is not null) StateHasChanged();
    }

    /// <summary>Asks for the microphone, then transcribes what it hears until Stop. A refusal is shown; the transcript on screen stays.</summary>
    private async Task RecordAsync()
    {
        if (_recorder is null || _starting || Session.Current.IsRunning) return;
        _starting = true;
        try
        {
            var started = await _recorder.StartAsync(Limits, Microphone.Value.LivePlaybackSeconds);
            if (started.Audio is not { } audio)
            {
                Session.Refuse(started.Problem!);
                return;
            }
            var recording = new LiveRecording(started.LocalTime is { } time ? $"Recording {time}" : "Recording", audio, Settings.ChosenEngine, Settings.Current.ToRequest());
            _recordingRunId = recording.Id;
            if (!Session.StartRecording(recording))
            {
                // A file started while the browser asked for the microphone: it goes first.
                _recordingRunId = null;
                await _recorder.StopAsync();
                Snackbar.Add("A file started transcribing before the microphone was ready; record again when it has finished.", Severity.Info);
            }
        }
        finally
        {
            _starting = false;
        }
    }

    /// <summary>Stop: the browser sends what it still holds, then the engine finishes the last utterance.</summary>
    private async Task StopAsync()
    {
        if (_recorder is null || _stopping) return;
        _stopping = true;
        try
        {
            await _recorder.StopAsync();
        }
        finally
        {
            _stopping = false;
        }
    }

    /// <summary>A recording's run ended (stopped, cancelled, failed): capture stops if it has not, and the player gets the recording.</summary>
    private void OnRunEnded(SessionSnapshot ended) => _ = InvokeAsync(async () =>
    {
        if (_recorder is not { } recorder || ended.RunId is null || ended.RunId != _recordingRunId) return;
        _recordingRunId = null;
        try
        {
            await recorder.StopAsync();
            if (Session.Current.RunId != ended.RunId) return; // a queued file took over the screen
            await Player.ShowRecordingAsync(ended.RunId, recorder.PlayAsync);
        }
        catch (Exception e) when (e is JSDisconnectedException or OperationCanceledException)
        {
            // The run ended because the tab closed: nothing left to play it in.
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    public async ValueTask DisposeAsync()
    {
        Session.RunEnded -= OnRunEnded;
        if (_recorder is not null)
            await _recorder.DisposeAsync();
    }
}
