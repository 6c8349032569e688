using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The static files the page needs are served by the test host as by `dotnet run` (wwwroot at the repository root, the framework's own blazor.web.js).</summary>
[Trait(Category.Name, Category.Unit)]
public sealed class StaticAssetsTests : IClassFixture<AppServer>
{
    private readonly AppServer _app;

    public StaticAssetsTests(AppServer app) => _app = app;

    [Fact]
    public async Task BlazorWebJs_IsServed_AndIsTheNet10Script()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var page = await http.GetStringAsync("/");
        var script = Regex.Match(page, "src=\"(_framework/blazor\\.web[^\"]*\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        var bytes = await http.GetByteArrayAsync(script);
        // Not the 9.0.22 script the build used to extract; the reconnect dialog needs 10.0's circuit pause and resume.
        Assert.NotEqual("9e4b324dd37a521ae407524dd291709e5b7bb1355d4d4698e4a047a9b4fe87c2", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        string text = System.Text.Encoding.UTF8.GetString(bytes);
        foreach (var name in new[] { "pauseCircuit", "resumeCircuit", "components-reconnect-state-changed", "components-reconnect-paused" })
            Assert.Contains(name, text);
    }

    [Fact]
    public async Task AppCss_FromTheRepositoryWwwroot_IsServedWithItsContent()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var page = await http.GetStringAsync("/");
        var css = Regex.Match(page, "href=\"(app\\.[^\"]*css)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        Assert.Contains(".drop-zone", await http.GetStringAsync(css));
    }
}
