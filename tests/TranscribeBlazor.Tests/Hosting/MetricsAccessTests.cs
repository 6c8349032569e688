using System.Net;
using TranscribeBlazor.Health;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Hosting;

/// <summary>
/// /metrics answers loopback and the configured networks only. The app listens on this machine's own
/// non-loopback address, so a request from here arrives from outside loopback as a neighbour's would.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class MetricsAccessTests
{
    private static IPAddress? OwnAddress => MachineAddress.NonLoopbackIPv4;

    [NonLoopbackFact]
    public async Task FromOutsideLoopback_ItIsRefused_WithWhy()
    {
        var (status, body) = await GetMetricsAsync([]);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HealthEndpoints.ForbiddenMessage, body);
    }

    [NonLoopbackFact]
    public async Task FromAnAllowedNetwork_ItIsServed()
    {
        var (status, body) = await GetMetricsAsync(new() { ["Metrics:AllowedNetworks:0"] = $"{OwnAddress}/32" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"decoders\"", body);
    }

    [Theory]
    [InlineData("10.0.0.1", false)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:10.1.2.3", true)]
    [InlineData("10.2.0.1", false)]
    public void Allows_LoopbackAndTheListedNetworks(string client, bool allowed) =>
        Assert.Equal(allowed, new MetricsOptions { AllowedNetworks = ["10.1.0.0/16"] }.Allows(IPAddress.Parse(client)));

    [Fact]
    public void ANetworkThatIsNotCidr_FailsValidation_NamingIt()
    {
        var options = new MetricsOptions { AllowedNetworks = ["10.0.0.0/8", "intranet"] };
        var problem = Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Contains("\"intranet\"", problem.ErrorMessage);
    }

    private static async Task<(HttpStatusCode, string)> GetMetricsAsync(Dictionary<string, string> settings)
    {
        settings["urls"] = $"http://{OwnAddress}:0";
        var app = new ConfiguredAppServer(settings);
        await app.InitializeAsync();
        try
        {
            Assert.Equal(OwnAddress!.ToString(), app.BaseAddress.Host); // the request really leaves loopback
            using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
            using var response = await http.GetAsync("/metrics");
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
