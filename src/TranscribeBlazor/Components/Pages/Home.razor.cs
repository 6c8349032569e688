using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.Components.Pages;

public sealed partial class Home : IDisposable
{
    private SessionSnapshot _snapshot = SessionSnapshot.Idle;
    private RenderCoalescer? _renders;

    [Inject]
    private TranscriptionSession Session { get; set; } = default!;

    [Inject]
    private IOptions<TranscriptionOptions> Options { get; set; } = default!;

    protected override void OnInitialized()
    {
        _snapshot = Session.Current;
        _renders = new RenderCoalescer(
            () => InvokeAsync(() => { _snapshot = Session.Current; StateHasChanged(); }),
            RenderCoalescer.DefaultInterval,
            e => _ = DispatchExceptionAsync(e));
        Session.Changed += _renders.Request;
    }

    private void OnFileSelected(IBrowserFile file)
    {
        long max = Options.Value.MaxUploadBytes;
        if (file.Size > max)
        {
            Session.Reject(file.Name, $"This file is {file.Size / 1048576.0:0.#} MB; the limit is {max / 1048576.0:0.#} MB.");
            return;
        }
        Session.Start(file.Name, ct => file.OpenReadStream(max, ct));
    }

    public void Dispose()
    {
        if (_renders is null) return;
        Session.Changed -= _renders.Request;
        _renders.Dispose();
    }
}
