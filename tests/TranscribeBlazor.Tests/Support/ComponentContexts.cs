using Bunit;
using MudBlazor.Services;

namespace TranscribeBlazor.Tests.Support;

/// <summary>bUnit contexts for the app's components.</summary>
public static class ComponentContexts
{
    /// <summary>
    /// MudBlazor's services, and JS interop that answers every call with a default (MudBlazor calls JS
    /// freely); tests set up the app's own modules where they matter.
    /// </summary>
    public static BunitContext WithMud()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }
}
