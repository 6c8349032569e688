using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TranscribeBlazor.Components.Player;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Tests.Components.Player;

[Trait(Category.Name, Category.Unit)]
public sealed class AudioPlayerTests
{
    private static SessionSnapshot Run(string runId) =>
        new(SessionStatus.Running, TranscriptState.Empty, "talk.wav", "Scripted", null, 0, TimeSpan.Zero, null, runId);

    [Fact]
    public async Task ThePlayer_IsAttachedOnFirstRender_AndShowsOnlyWhenItHasAudioForARun()
    {
        await using var ctx = ComponentContexts.WithMud();
        AppServices.AddTo(ctx, [new ScriptedEngine()]);
        var module = ctx.JSInterop.SetupModule("./js/transcript.js");
        module.SetupVoid("attachPlayer", _ => true).SetVoidResult();
        module.Setup<bool>("playFile", _ => true).SetResult(true);
        var player = ctx.Services.GetRequiredService<PlayerFollower>();

        var cut = ctx.Render<AudioPlayer>(p => p.Add(x => x.HasRun, true));
        cut.WaitForAssertion(() => module.VerifyInvoke("attachPlayer"), TimeSpan.FromSeconds(5));
        var audio = cut.Find("audio[data-testid=player]");
        Assert.Equal("Play the recording", audio.GetAttribute("aria-label"));
        Assert.True(audio.HasAttribute("controls"));
        Assert.True(cut.Find(".audio-player").HasAttribute("hidden"));

        player.Register("run-1", new FileSource(new ElementReference("zone"), 0, 0));
        await cut.InvokeAsync(() => player.FollowAsync(Run("run-1")));

        cut.WaitForAssertion(() => Assert.False(cut.Find(".audio-player").HasAttribute("hidden")), TimeSpan.FromSeconds(5));

        cut.Render(p => p.Add(x => x.HasRun, false)); // the empty page: nothing to play
        Assert.True(cut.Find(".audio-player").HasAttribute("hidden"));
    }
}
