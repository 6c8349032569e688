using System.Collections.Immutable;
using Bunit;
using Microsoft.AspNetCore.Components;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Transcripts;
using static TranscribeBlazor.Tests.Support.ScriptedEngine;

namespace TranscribeBlazor.Tests.Components.Player;

[Trait(Category.Name, Category.Unit)]
public sealed class PlayerFollowerTests
{
    private static readonly ElementReference Audio = new("audio-element");
    private static readonly ElementReference Zone = new("drop-zone");

    /// <summary>"one two" (0–0.2 s), then "three four" (5–5.2 s).</summary>
    private static readonly ImmutableList<TranscriptResult> Finals =
        [Result("r1", "one two", partial: false, start: 0, end: 0.2), Result("r2", "three four", partial: false, start: 5, end: 5.2)];

    private static SessionSnapshot Run(string? runId, params WaitingFile[] waiting) =>
        new(SessionStatus.Running, new TranscriptState(Finals, null), "talk.wav", "Scripted", null, 0, TimeSpan.Zero, null, runId) { Waiting = waiting };

    /// <summary>bUnit's JS interop standing in for transcript.js; playFile finds a file whenever it is given a drop zone.</summary>
    private static BunitJSInterop TranscriptModule(BunitContext ctx)
    {
        var module = ctx.JSInterop.SetupModule("./js/transcript.js");
        module.SetupVoid("attachPlayer", _ => true).SetVoidResult();
        module.Setup<bool>("playFile", i => i.Arguments[1] is ElementReference).SetResult(true);
        module.Setup<bool>("playFile", i => i.Arguments[1] is null).SetResult(false);
        module.SetupVoid("seek", _ => true).SetVoidResult();
        module.SetupVoid("scrollIntoView", _ => true).SetVoidResult();
        return module;
    }

    [Fact]
    public async Task ThePlayersTime_LightsTheWordBeingSpoken_AndSaysWhenItChanges()
    {
        await using var ctx = new BunitContext();
        var module = TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.FollowAsync(Run("run-1"));
        int changes = 0;
        player.Changed += () => changes++;

        await player.OnPlayerTime(5.15);
        Assert.Equal(3, player.CurrentWord); // "four": words are counted across finals
        Assert.Equal(1, changes);
        Assert.Equal(".word.current", module.VerifyInvoke("scrollIntoView").Arguments[0]);

        await player.OnPlayerTime(5.18);
        Assert.Equal(1, changes); // the same word: nothing to render

        await player.OnPlayerTime(0.05);
        Assert.Equal(0, player.CurrentWord);
        Assert.Equal(2, changes);

        await player.OnPlayerTime(3.0); // a pause past the linger
        Assert.Equal(-1, player.CurrentWord);
        Assert.Equal(3, changes);
        module.VerifyInvoke("scrollIntoView", 2); // not for "no word"
    }

    [Fact]
    public async Task TheNextRun_LightsItsOwnWords_EvenWithAsManyFinalsAsTheLast()
    {
        await using var ctx = new BunitContext();
        TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.AttachAsync(Audio);
        await player.FollowAsync(Run("run-1"));
        await player.OnPlayerTime(0.05);
        Assert.Equal(0, player.CurrentWord);

        // Two finals again, at other times: "alpha" (10–10.1 s), "beta gamma" (20–20.2 s).
        var next = Run("run-2") with
        {
            Transcript = new TranscriptState([Result("a", "alpha", partial: false, start: 10, end: 10.1), Result("b", "beta gamma", partial: false, start: 20, end: 20.2)], null),
        };
        await player.FollowAsync(next);
        await player.OnPlayerTime(20.15);

        Assert.Equal(2, player.CurrentWord); // "gamma", not the last run's words
    }

    [Fact]
    public async Task FollowingANewRun_PlaysItsDroppedFile_AndLetsGoOfFilesNoLongerNeeded()
    {
        await using var ctx = new BunitContext();
        var module = TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.AttachAsync(Audio);
        Assert.Equal(Audio, module.VerifyInvoke("attachPlayer").Arguments[0]);
        player.Register("run-1", new FileSource(Zone, Batch: 2, Index: 1));
        player.Register("waiting", new FileSource(Zone, 2, 2));
        player.Register("removed", new FileSource(Zone, 2, 3));
        int changes = 0;
        player.Changed += () => changes++;

        await player.FollowAsync(Run("run-1", new WaitingFile("waiting", "next.wav", null)));

        var play = module.VerifyInvoke("playFile");
        Assert.Equal([Audio, Zone, 2, 1], play.Arguments);
        Assert.True(player.HasAudio);
        Assert.Equal(1, changes);
        Assert.Equal(2, player.HeldFiles); // the file being uploaded and the waiting one still need their inputs

        await player.FollowAsync(Run("run-1", new WaitingFile("waiting", "next.wav", null)));
        module.VerifyInvoke("playFile", 1); // the same run: the player keeps what it plays
    }

    [Fact]
    public async Task ARunWithoutADroppedFile_EmptiesThePlayer_AndForgetsTheLastRunsPosition()
    {
        await using var ctx = new BunitContext();
        var module = TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.AttachAsync(Audio);
        player.Register("run-1", new FileSource(Zone, 0, 0));
        await player.FollowAsync(Run("run-1"));
        player.OnPlayerDuration(42);
        await player.OnPlayerTime(0.05);
        Assert.Equal(0, player.CurrentWord);

        await player.FollowAsync(Run("from-elsewhere"));

        Assert.Equal([Audio, null, 0, 0], module.Invocations["playFile"][^1].Arguments);
        Assert.False(player.HasAudio);
        Assert.Equal(-1, player.CurrentWord);
        Assert.Null(player.BrowserSeconds);
    }

    [Fact]
    public async Task AFileTheBrowserCannotPlay_HidesThePlayer_AndTheNextRunShowsItAgain()
    {
        await using var ctx = new BunitContext();
        TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.AttachAsync(Audio);
        player.Register("voice-note", new FileSource(Zone, 0, 0));
        player.Register("next", new FileSource(Zone, 1, 0));
        await player.FollowAsync(Run("voice-note", new WaitingFile("next", "next.m4a", null)));
        Assert.True(player.HasAudio);
        int changes = 0;
        player.Changed += () => changes++;

        player.OnPlayerCannotPlay();

        Assert.False(player.HasAudio);
        Assert.Equal(1, changes);
        await player.FollowAsync(Run("next"));
        Assert.True(player.HasAudio);
    }

    [Fact]
    public async Task BeforeThePlayerIsAttached_FollowingLoadsNothing()
    {
        await using var ctx = new BunitContext();
        var module = TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        player.Register("run-1", new FileSource(Zone, 0, 0));

        await player.FollowAsync(Run("run-1"));

        module.VerifyNotInvoke("playFile");
        Assert.False(player.HasAudio);
    }

    [Fact]
    public async Task Seek_MovesThePlayer_OnlyWhenThereIsAudioForTheRunOnScreen()
    {
        await using var ctx = new BunitContext();
        var module = TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.SeekAsync(1.0); // not attached
        await player.AttachAsync(Audio);
        await player.FollowAsync(Run("no-file"));
        await player.SeekAsync(1.5); // nothing to play
        module.VerifyNotInvoke("seek");

        player.Register("run-2", new FileSource(Zone, 0, 0));
        await player.FollowAsync(Run("run-2"));
        await player.SeekAsync(2.5);

        Assert.Equal([Audio, 2.5], module.VerifyInvoke("seek").Arguments);
    }

    [Fact]
    public async Task TheLengthTheBrowserMeasured_IsKept_WhenItIsALength()
    {
        await using var ctx = new BunitContext();
        TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        int changes = 0;
        player.Changed += () => changes++;

        player.OnPlayerDuration(12.5);
        Assert.Equal(12.5, player.BrowserSeconds);
        player.OnPlayerDuration(double.PositiveInfinity); // a stream the browser cannot measure
        Assert.Null(player.BrowserSeconds);
        player.OnPlayerDuration(0);
        Assert.Null(player.BrowserSeconds);
        Assert.Equal(3, changes);
    }

    [Fact]
    public async Task ARecordingShownByItsRun_IsNotUnloadedByALateFollow()
    {
        await using var ctx = new BunitContext();
        var module = TranscriptModule(ctx);
        await using var player = new PlayerFollower(ctx.JSInterop.JSRuntime);
        await player.AttachAsync(Audio);
        ElementReference? loadedInto = null;

        await player.ShowRecordingAsync("rec-1", audio => { loadedInto = audio; return Task.FromResult(true); });
        await player.FollowAsync(Run("rec-1"));

        Assert.Equal(Audio, loadedInto);
        Assert.True(player.HasAudio);
        module.VerifyNotInvoke("playFile");
    }
}
