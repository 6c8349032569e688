using System.Security.Cryptography;
using System.Text.RegularExpressions;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Browser;

/// <summary>The static files the page needs are served by the test host as by `dotnet run` (wwwroot at the repository root, blazor.web.js extracted at build).</summary>
public sealed class StaticAssetsTests : IClassFixture<AppServer>
{
    private readonly AppServer _app;

    public StaticAssetsTests(AppServer app) => _app = app;

    [Fact]
    public async Task BlazorWebJs_IsServed_WithTheCheckedHash()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var page = await http.GetStringAsync("/");
        var script = Regex.Match(page, "src=\"(_framework/blazor\\.web[^\"]*\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        var bytes = await http.GetByteArrayAsync(script);
        Assert.Equal("9e4b324dd37a521ae407524dd291709e5b7bb1355d4d4698e4a047a9b4fe87c2", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task AppCss_FromTheRepositoryWwwroot_IsServedWithItsContent()
    {
        using var http = new HttpClient { BaseAddress = _app.BaseAddress };
        var page = await http.GetStringAsync("/");
        var css = Regex.Match(page, "href=\"(app\\.[^\"]*css)\"").Groups[1].Value;
        Assert.NotEmpty(css);
        Assert.Contains(".drop-zone", await http.GetStringAsync(css));
        Assert.Contains("--rz-", await http.GetStringAsync("_content/Radzen.Blazor/css/material.css"));
    }
}
