using System.Net;
using Microsoft.Playwright;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Cluster;

/// <summary>
/// The rehearsal's cluster as scripts/rehearse-cluster.sh describes it in the environment:
/// <c>CLUSTER_URL</c> (nginx) and <c>CLUSTER_INSTANCES</c> (<c>http://127.0.0.1:PORT=PID,...</c>, each instance
/// reached directly, and its process, for the test that kills one). nginx names the instance that answered
/// in <c>X-Upstream</c> (added to the rehearsal's copy of deploy/nginx.conf only).
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string UrlVariable = "CLUSTER_URL";
    public const string InstancesVariable = "CLUSTER_INSTANCES";

    private IPlaywright? _playwright;

    public static Uri? Nginx { get; } = Environment.GetEnvironmentVariable(UrlVariable) is { Length: > 0 } url ? new Uri(url) : null;

    /// <summary>Each instance's own address ("127.0.0.1:15101", as nginx's $upstream_addr names it) and process id.</summary>
    public static IReadOnlyList<(string Address, int Pid)> Instances { get; } =
        (Environment.GetEnvironmentVariable(InstancesVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(i => i.Split('=')).Select(p => (new Uri(p[0]).Authority, int.Parse(p[1]))).ToList();

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(15) };

    public async Task InitializeAsync()
    {
        if (Nginx is null || !File.Exists(TestAssets.Chromium)) return; // the tests skip themselves with the reason
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchAsync(_playwright);
    }

    public static IPEndPoint NginxEndPoint => new(IPAddress.Parse(Nginx!.Host), Nginx.Port);

    /// <summary>A fresh browser (own cookies and storage) on <paramref name="address"/>, nginx unless given; with the instance its circuit reached.</summary>
    public async Task<ClusterPage> OpenAsync(Uri? address = null, IEnumerable<Microsoft.Playwright.Cookie>? cookies = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (address ?? Nginx)!.ToString(), ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
        });
        if (cookies is not null) await context.AddCookiesAsync(cookies);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var shown = new ClusterPage(context, page);
        await shown.LoadAsync(() => page.GotoAsync("/"));
        return shown;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Http.Dispose();
    }
}

/// <summary>One browser on the cluster, and which instance holds its circuit (from the negotiate response's X-Upstream).</summary>
public sealed class ClusterPage(IBrowserContext context, IPage page)
{
    public IBrowserContext Context { get; } = context;

    public IPage Page { get; } = page;

    /// <summary>The instance that answered the circuit's last negotiation ("127.0.0.1:15101").</summary>
    public string Instance { get; private set; } = "";

    /// <summary>Navigates (or reloads) and waits until the circuit is interactive; records its instance.</summary>
    public async Task LoadAsync(Func<Task> navigate)
    {
        var negotiated = Page.WaitForResponseAsync(r => r.Url.Contains("/_blazor/negotiate"), new() { Timeout = 30_000 });
        await navigate();
        Instance = InstanceOf(await negotiated);
        await BrowserFixture.WaitUntilInteractiveAsync(Page);
    }

    /// <summary>nginx lists every server it tried ("A, B" after a failover); the last one answered.</summary>
    public static string InstanceOf(IResponse response) =>
        (response.Headers.GetValueOrDefault("x-upstream") ?? throw new InvalidOperationException("nginx sent no X-Upstream: is this the rehearsal's config?"))
            .Split(',').Last().Trim();
}

/// <summary>A test of the rehearsal's cluster: needs it running (scripts/rehearse-cluster.sh sets CLUSTER_URL) and Chromium.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (ClusterFixture.Nginx is null)
            Skip = $"Needs two app instances behind nginx with Redis: run scripts/rehearse-cluster.sh, which starts them and sets {ClusterFixture.UrlVariable}.";
        else if (!File.Exists(TestAssets.Chromium))
            Skip = "Needs Debian's chromium (scripts/setup.sh test installs it).";
    }
}
