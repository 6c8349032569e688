using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Components.Transcript;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Components.Timeline;

/// <summary>
/// The picture of the recording on screen, under the player: its <see cref="TimelineLayout"/>, rebuilt when the
/// loudness, the finals or the length change, and the play position from <see cref="PlayerFollower"/>. Shown only
/// while the player has the recording's audio: a transcript from history has none to seek in.
/// </summary>
public sealed partial class RecordingTimeline : IAsyncDisposable
{
    /// <summary>Arrow keys step 5 s, Page Up/Down a minute: fine enough to replay a phrase, coarse enough to cross a 2 h file.</summary>
    private const double Step = 5, Page = 60;

    private ElementReference _element;
    private IJSObjectReference? _module;
    private TimelineLayout _layout = TimelineLayout.Of(null, [], 0);
    private (LoudnessEnvelope? Loudness, IReadOnlyList<TranscriptResult> Finals, double Total) _laidOut = (null, [], 0);

    [Inject] private PlayerFollower Player { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public SessionSnapshot Snapshot { get; set; } = SessionSnapshot.Idle;

    private bool Visible => Player.HasAudio && Snapshot.RunId is not null && _layout.TotalSeconds > 0;

    private double Position => Math.Min(Player.Position, _layout.TotalSeconds);

    private string ValueText => $"{TranscriptFormat.Clock(Position)} of {TranscriptFormat.Clock(_layout.TotalSeconds)}";

    private string Summary =>
        $"{Count(_layout.SegmentCount, "segment")}, {Count(_layout.DoubtfulWords, "doubtful word")} (marked below the segments).";

    protected override void OnInitialized()
    {
        Player.Changed += OnPlayerChanged;
        Player.PositionChanged += OnPlayerChanged;
    }

    protected override void OnParametersSet() => LayOut();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
            await (await ModuleAsync()).InvokeVoidAsync("attachTimeline", _element);
    }

    /// <summary>A new layout only when what it is drawn from changed (all immutable: compared by reference).</summary>
    private void LayOut()
    {
        var loudness = Snapshot.Loudness;
        var finals = Snapshot.Transcript.Finals;
        double total = Player.BrowserSeconds ?? Snapshot.Format?.Duration?.TotalSeconds ?? Snapshot.SecondsProcessed;
        if (ReferenceEquals(loudness, _laidOut.Loudness) && ReferenceEquals(finals, _laidOut.Finals) && total == _laidOut.Total) return;
        _laidOut = (loudness, finals, total);
        _layout = TimelineLayout.Of(loudness, finals, total);
    }

    private async Task OnClickAsync(MouseEventArgs e)
    {
        double fraction = await (await ModuleAsync()).InvokeAsync<double>("fractionAt", _element, e.ClientX);
        await Player.SeekAsync(_layout.SecondsAt(fraction));
    }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        double? target = e.Key switch
        {
            "ArrowLeft" or "ArrowDown" => Position - Step,
            "ArrowRight" or "ArrowUp" => Position + Step,
            "PageDown" => Position - Page,
            "PageUp" => Position + Page,
            "Home" => 0,
            "End" => _layout.TotalSeconds,
            _ => null,
        };
        if (target is double seconds)
            await Player.SeekAsync(Math.Clamp(seconds, 0, _layout.TotalSeconds));
    }

    private void OnPlayerChanged() => _ = InvokeAsync(() =>
    {
        LayOut(); // the browser's length may have arrived
        StateHasChanged();
    });

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private async Task<IJSObjectReference> ModuleAsync() =>
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Timeline/RecordingTimeline.razor.js");

    public async ValueTask DisposeAsync()
    {
        Player.Changed -= OnPlayerChanged;
        Player.PositionChanged -= OnPlayerChanged;
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }
}
