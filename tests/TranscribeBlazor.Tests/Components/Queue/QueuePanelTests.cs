using Bunit;
using TranscribeBlazor.Components.Queue;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components.Queue;

[Trait(Category.Name, Category.Unit)]
public sealed class QueuePanelTests
{
    private static readonly WaitingFile[] TwoFiles = [new("w1", "interview.wav", 2_500_000), new("w2", "notes.mp3", null)];


    [Fact]
    public async Task WaitingFiles_AreListedInOrder_WithTheSizesTheBrowserGave()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<QueuePanel>(p => p.Add(x => x.Waiting, TwoFiles));

        Assert.Equal("Up next (2)", cut.Find("#queue-title").Text());
        var items = cut.FindAll("[data-testid=queue-item]");
        Assert.Equal(["interview.wav", "notes.mp3"], items.Select(i => i.QuerySelector(".queue-name")!.TextContent));
        Assert.Equal("2.5 MB", items[0].QuerySelector(".queue-size")!.TextContent);
        Assert.Null(items[1].QuerySelector(".queue-size"));
        Assert.Empty(cut.FindAll("[data-testid=queue-resume]"));
    }

    [Fact]
    public async Task Remove_CallsOnRemove_WithThatFilesId()
    {
        await using var ctx = ComponentContexts.WithMud();
        var removed = new List<string>();
        var cut = ctx.Render<QueuePanel>(p => p
            .Add(x => x.Waiting, TwoFiles)
            .Add(x => x.OnRemove, (string id) => removed.Add(id)));

        var buttons = cut.FindAll("[data-testid=queue-remove]");
        Assert.Equal("Remove notes.mp3 from the queue", buttons[1].GetAttribute("aria-label"));
        buttons[1].Click();

        Assert.Equal(["w2"], removed);
    }

    [Fact]
    public async Task CancelAll_CallsOnCancelAll()
    {
        await using var ctx = ComponentContexts.WithMud();
        int cancels = 0;
        var cut = ctx.Render<QueuePanel>(p => p
            .Add(x => x.Waiting, TwoFiles)
            .Add(x => x.OnCancelAll, () => cancels++));

        cut.Find("[data-testid=cancel-all]").Click();

        Assert.Equal(1, cancels);
    }

    [Fact]
    public async Task APausedQueue_OffersTryAgain_WhichCallsOnResume()
    {
        await using var ctx = ComponentContexts.WithMud();
        int resumes = 0;
        var cut = ctx.Render<QueuePanel>(p => p
            .Add(x => x.Waiting, TwoFiles[..1])
            .Add(x => x.Paused, true)
            .Add(x => x.OnResume, () => resumes++));

        Assert.Equal("Waiting for you to try again (1)", cut.Find("#queue-title").Text());
        var resume = cut.Find("[data-testid=queue-resume]");
        Assert.Equal("Try again", resume.Text());
        resume.Click();

        Assert.Equal(1, resumes);
    }

    [Fact]
    public async Task AnEmptyQueue_RendersNothing()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<QueuePanel>(p => p.Add(x => x.Waiting, []).Add(x => x.Paused, true));

        Assert.Equal("", cut.Markup.Trim());
    }
}
