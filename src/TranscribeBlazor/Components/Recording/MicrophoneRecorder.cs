using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using TranscribeBlazor.Audio.Microphone;

namespace TranscribeBlazor.Components.Recording;

/// <summary>
/// The page's side of live recording. It asks the browser's microphone module (wwwroot/js/microphone.js)
/// to start and stop capturing, and takes the audio batches it sends over the circuit's own connection
/// into the recording's <see cref="MicrophoneAudio"/>. One per page; one recording at a time.
/// </summary>
public sealed class MicrophoneRecorder(IJSRuntime js) : IAsyncDisposable
{
    private IJSObjectReference? _module;
    private DotNetObjectReference<MicrophoneRecorder>? _self;
    private MicrophoneAudio? _audio;

    /// <summary>Why this browser cannot record at all (an insecure page, no AudioWorklet), before asking for anything; null when it can.</summary>
    public async Task<string?> ProblemAsync()
    {
        string? problem = await (await ModuleAsync()).InvokeAsync<string?>("problem");
        return problem is null ? null : MicrophoneMessages.CannotStart(problem);
    }

    /// <summary>
    /// Asks for the microphone and, once it is granted, starts sending its audio into a new
    /// <see cref="MicrophoneAudio"/>, which this recorder alone feeds and completes. Returns that audio,
    /// or what to tell the user when recording could not start (permission denied, no device…).
    /// </summary>
    /// <param name="maxKeptSeconds">How much of the recording the browser keeps for playback.</param>
    public async Task<MicrophoneStart> StartAsync(MicrophoneLimits limits, double maxKeptSeconds)
    {
        _self ??= DotNetObjectReference.Create(this);
        var audio = new MicrophoneAudio(limits);
        _audio = audio; // before capture starts: the first batch may arrive before this call returns
        var started = await (await ModuleAsync()).InvokeAsync<StartResult>("start", _self,
            new { maxBacklogSeconds = limits.BrowserBacklogSeconds, maxKeptSeconds });
        if (started.Problem is not { } problem)
            return new MicrophoneStart(null, started.Clock, audio);
        _audio = null;
        await audio.DisposeAsync();
        return new MicrophoneStart(MicrophoneMessages.CannotStart(problem, started.Detail), null, null);
    }

    /// <summary>Stops capturing once the browser has sent what it holds, then ends the recording's audio.</summary>
    public async Task StopAsync()
    {
        var audio = _audio;
        try
        {
            if (_module is not null)
                await _module.InvokeVoidAsync("stop"); // its last batches arrive through OnMicrophoneAudio meanwhile
        }
        catch (JSDisconnectedException)
        {
            // The tab is gone: there is nothing left to send.
        }
        finally
        {
            audio?.Complete(MicrophoneEnd.Stopped);
            if (_audio == audio)
                _audio = null;
        }
    }

    /// <summary>Points <paramref name="player"/> at the last recording, as the browser kept it; false when there is none.</summary>
    public async Task<bool> PlayAsync(ElementReference player) => await (await ModuleAsync()).InvokeAsync<bool>("play", player);

    /// <summary>One batch of 16 kHz mono 16-bit little-endian samples; the reply waits while the server's buffer is full.</summary>
    /// <param name="backlogSeconds">Audio the browser is still holding back, behind this batch.</param>
    [JSInvokable]
    public async Task<bool> OnMicrophoneAudio(byte[] pcm, double backlogSeconds) =>
        _audio is { } audio && await audio.WriteAsync(pcm, backlogSeconds);

    /// <summary>How much audio the browser is holding back while the server has not taken its last batch.</summary>
    [JSInvokable]
    public void OnMicrophoneBacklog(double seconds) => _audio?.ReportBrowserBacklog(seconds);

    /// <summary>The browser ended the recording itself: "disconnected" (the device went) or "behind" (too much held back).</summary>
    [JSInvokable]
    public void OnMicrophoneEnded(string reason)
    {
        var end = reason switch
        {
            "disconnected" => MicrophoneEnd.Disconnected,
            "behind" => MicrophoneEnd.BrowserBehind,
            _ => (MicrophoneEnd?)null,
        };
        if (end is { } known)
            _audio?.Complete(known);
    }

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await js.InvokeAsync<IJSObjectReference>("import", "./js/microphone.js");

    /// <summary>The page is going away: stop capturing if a recording is under way (briefly: the browser may be gone already).</summary>
    public async ValueTask DisposeAsync()
    {
        var audio = _audio;
        _audio = null;
        try
        {
            if (audio is not null && _module is not null)
            {
                using var brief = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _module.InvokeVoidAsync("stop", brief.Token);
            }
        }
        catch (Exception e) when (e is JSDisconnectedException or JSException or OperationCanceledException)
        {
            // Nothing more to do: the circuit's end closes the browser's side of the recording too.
        }
        finally
        {
            audio?.Complete(MicrophoneEnd.Closed);
            _self?.Dispose();
        }
    }

    private sealed record StartResult(string? Problem, string? Detail, string? Clock);
}

