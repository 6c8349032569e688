using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using TranscribeBlazor.Components.Upload;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Components.Upload;

[Trait(Category.Name, Category.Unit)]
public sealed class DropZoneTests
{
    [Fact]
    public async Task Idle_InvitesADrop_AndLabelsTheInputForIt()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<DropZone>();

        Assert.Equal("Drop recordings here, or click to choose", cut.Find(".drop-zone-face h6").TextContent);
        var input = cut.Find("input[type=file]");
        Assert.Equal("Choose audio files to transcribe", input.GetAttribute("aria-label"));
        Assert.Equal("drop-zone-hint", input.GetAttribute("aria-describedby"));
        Assert.NotNull(cut.Find("#drop-zone-hint"));
        Assert.True(input.HasAttribute("multiple"));
        Assert.Contains(".wav", input.GetAttribute("accept"));
    }

    [Fact]
    public async Task Busy_SaysMoreFilesWillQueue()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<DropZone>(p => p.Add(x => x.Busy, true));

        Assert.Equal("Drop more recordings to queue them", cut.Find(".drop-zone-face h6").TextContent);
        Assert.Equal("Choose more audio files to transcribe after this one", cut.Find("input[type=file]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task DraggingOverTheZone_HighlightsIt_UntilTheDrop()
    {
        await using var ctx = ComponentContexts.WithMud();
        var cut = ctx.Render<DropZone>();

        cut.Find("input[type=file]").DragEnter();
        Assert.True(cut.Find("[data-testid=drop-zone]").ClassList.Contains("dragging"));
        cut.Find("input[type=file]").Drop();
        Assert.False(cut.Find("[data-testid=drop-zone]").ClassList.Contains("dragging"));
    }

    [Fact]
    public async Task ChosenFiles_AreHandedOn_WithTheDropsNumber_AndFocusMovesToTheFreshInput()
    {
        await using var ctx = ComponentContexts.WithMud();
        var module = ctx.JSInterop.SetupModule("./js/drop-zone.js");
        module.SetupVoid("focusFreshInput", _ => true).SetVoidResult();
        var drops = new List<FileDrop>();
        var cut = ctx.Render<DropZone>(p => p.Add(x => x.OnFilesSelected, (FileDrop d) => drops.Add(d)));

        cut.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromText("a", "a.wav"), InputFileContent.CreateFromText("b", "b.wav"));
        cut.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromText("c", "c.wav"));

        cut.WaitForAssertion(() => Assert.Equal([0, 1], drops.Select(d => d.Batch)), TimeSpan.FromSeconds(5));
        Assert.Equal(["a.wav", "b.wav"], drops[0].Files.Select(f => f.Name));
        Assert.Equal(["c.wav"], drops[1].Files.Select(f => f.Name));
        cut.WaitForAssertion(() => module.VerifyInvoke("focusFreshInput", 2), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OnceTheEarlierDropsAreLetGo_NumberingStartsAgain()
    {
        await using var ctx = ComponentContexts.WithMud();
        var drops = new List<FileDrop>();
        var cut = ctx.Render<DropZone>(p => p.Add(x => x.OnFilesSelected, (FileDrop d) => drops.Add(d)));

        cut.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromText("a", "a.wav"));
        await cut.InvokeAsync(() => cut.Instance.ForgetDropsAsync());
        cut.FindComponents<InputFile>()[^1].UploadFiles(InputFileContent.CreateFromText("b", "b.wav"));

        cut.WaitForAssertion(() => Assert.Equal([0, 0], drops.Select(d => d.Batch)), TimeSpan.FromSeconds(5));
    }
}
