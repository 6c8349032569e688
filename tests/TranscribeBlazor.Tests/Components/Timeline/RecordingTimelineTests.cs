using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using TranscribeBlazor.Audio.Loudness;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Components.Timeline;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Components.Timeline;

[Trait(Category.Name, Category.Unit)]
public sealed class RecordingTimelineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>A finished 100 s WAV run: a loud first half, two segments, one doubtful word.</summary>
    private static SessionSnapshot Done(string runId)
    {
        var meter = new LoudnessMeter(16_000);
        var chunk = new short[1600];
        for (int i = 0; i < 1000; i++)
        {
            Array.Fill(chunk, (short)(i < 500 ? 8000 : 100));
            meter.Add(chunk);
        }
        var doubtful = new TranscriptResult("c", 70, 71, false, [TranscriptAlternative.FromItems([new TranscriptItem("watts", 70, 71, 0.2, true)])]);
        var transcript = new TranscriptState([Result("a", "one two", partial: false, start: 10, end: 20), Result("b", "three", partial: false, start: 40, end: 45), doubtful], null);
        return new SessionSnapshot(SessionStatus.Done, transcript, "talk.wav", "Scripted", new("WAV", "16-bit PCM", 1, 16_000, TimeSpan.FromSeconds(100)), 100, TimeSpan.Zero, null, runId)
        {
            Loudness = meter.Snapshot(),
        };
    }

    private sealed class Fixture : IAsyncDisposable
    {
        public Fixture()
        {
            Ctx = ComponentContexts.WithMud();
            AppServices.AddTo(Ctx, [new ScriptedEngine()]);
            Player = Ctx.Services.GetRequiredService<PlayerFollower>();
            var player = Ctx.JSInterop.SetupModule("./js/transcript.js");
            player.SetupVoid("attachPlayer", _ => true).SetVoidResult();
            player.Setup<bool>("playFile", _ => true).SetResult(true);
            Seeks = player.SetupVoid("seek", _ => true);
            Seeks.SetVoidResult();
            player.SetupVoid("scrollIntoView", _ => true).SetVoidResult();
            Timeline = Ctx.JSInterop.SetupModule("./Components/Timeline/RecordingTimeline.razor.js");
            Timeline.SetupVoid("attachTimeline", _ => true).SetVoidResult();
        }

        public BunitContext Ctx { get; }
        public PlayerFollower Player { get; }
        public JSRuntimeInvocationHandler Seeks { get; }
        public BunitJSModuleInterop Timeline { get; }

        /// <summary>The player holds run-1's file, as after a drop.</summary>
        public async Task PlayAsync(SessionSnapshot snapshot)
        {
            await Player.AttachAsync(new ElementReference("audio"));
            Player.Register(snapshot.RunId!, new FileSource(new ElementReference("zone"), 0, 0));
            await Player.FollowAsync(snapshot);
        }

        public double LastSeek() => (double)Seeks.Invocations["seek"][^1].Arguments[1]!;

        public ValueTask DisposeAsync() => Ctx.DisposeAsync();
    }

    [Fact]
    public async Task WithTheRecordingInThePlayer_ItDrawsTheLoudnessSegmentsAndDoubtfulWords()
    {
        await using var f = new Fixture();
        var snapshot = Done("run-1");
        await f.PlayAsync(snapshot);

        var cut = f.Ctx.Render<RecordingTimeline>(p => p.Add(x => x.Snapshot, snapshot));

        var timeline = cut.Find("[data-testid=timeline]");
        Assert.False(timeline.HasAttribute("hidden"));
        Assert.Equal("slider", timeline.GetAttribute("role"));
        Assert.Equal("0", timeline.GetAttribute("tabindex"));
        Assert.Equal("100", timeline.GetAttribute("aria-valuemax"));
        Assert.Equal("0:00.0 of 1:40.0", timeline.GetAttribute("aria-valuetext"));
        Assert.Single(cut.FindAll("path[data-testid=timeline-loudness]"));
        Assert.StartsWith("M0 ", cut.Find("[data-testid=timeline-loudness]").GetAttribute("d"));
        var segments = cut.FindAll("rect[data-testid=timeline-segment]");
        Assert.Equal(["60", "240", "420"], segments.Select(r => r.GetAttribute("x"))); // 10 s, 40 s, 70 s of 100 s over 600 columns
        var doubtful = Assert.Single(cut.FindAll("rect[data-testid=timeline-doubtful]"));
        Assert.Equal("423", doubtful.GetAttribute("x")); // "watts", 70–71 s: its middle, 70.5 s
        Assert.Contains("3 segments, 1 doubtful word", cut.Find("#timeline-summary").TextContent);
        f.Timeline.VerifyInvoke("attachTimeline");
    }

    [Fact]
    public async Task AClick_SeeksThePlayerToThatPointOfTheRecording()
    {
        await using var f = new Fixture();
        var snapshot = Done("run-1");
        await f.PlayAsync(snapshot);
        f.Timeline.Setup<double>("fractionAt", i => i.Arguments[1] is 300.0).SetResult(0.25);
        var cut = f.Ctx.Render<RecordingTimeline>(p => p.Add(x => x.Snapshot, snapshot));

        await cut.Find("[data-testid=timeline]").ClickAsync(new MouseEventArgs { ClientX = 300 });

        cut.WaitForAssertion(() => Assert.Equal(25.0, f.LastSeek()), Wait);
    }

    [Fact]
    public async Task ArrowKeys_SeekFromWhereThePlayerIs_AndThePositionMarkerFollowsIt()
    {
        await using var f = new Fixture();
        var snapshot = Done("run-1");
        await f.PlayAsync(snapshot);
        var cut = f.Ctx.Render<RecordingTimeline>(p => p.Add(x => x.Snapshot, snapshot));

        await cut.InvokeAsync(() => f.Player.OnPlayerTime(50));
        cut.WaitForAssertion(() => Assert.Equal("left: 50%", cut.Find("[data-testid=timeline-position]").GetAttribute("style")), Wait);
        Assert.Equal("50", cut.Find("[data-testid=timeline]").GetAttribute("aria-valuenow"));

        await cut.Find("[data-testid=timeline]").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight" });
        Assert.Equal(55.0, f.LastSeek());
        await cut.Find("[data-testid=timeline]").KeyDownAsync(new KeyboardEventArgs { Key = "PageDown" });
        Assert.Equal(0.0, f.LastSeek()); // 50 − 60, clamped to the start
        await cut.Find("[data-testid=timeline]").KeyDownAsync(new KeyboardEventArgs { Key = "End" });
        Assert.Equal(100.0, f.LastSeek());
        int seeks = f.Seeks.Invocations["seek"].Count;
        await cut.Find("[data-testid=timeline]").KeyDownAsync(new KeyboardEventArgs { Key = "a" });
        Assert.Equal(seeks, f.Seeks.Invocations["seek"].Count);
    }

    [Fact]
    public async Task ATranscriptWithoutAudio_ShowsNoTimeline()
    {
        await using var f = new Fixture();
        var fromHistory = Done("run-1") with { RunId = null, Loudness = null }; // history: nothing to play or seek
        await f.Player.AttachAsync(new ElementReference("audio"));
        await f.Player.FollowAsync(fromHistory);

        var cut = f.Ctx.Render<RecordingTimeline>(p => p.Add(x => x.Snapshot, fromHistory));

        var timeline = cut.Find("[data-testid=timeline]");
        Assert.True(timeline.HasAttribute("hidden"));
        Assert.Equal("-1", timeline.GetAttribute("tabindex"));
    }
}
