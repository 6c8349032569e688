using System.Diagnostics;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using TranscribeBlazor.Hosting;
using TranscribeBlazor.Tests.Support;

namespace TranscribeBlazor.Tests.Hosting;

/// <summary>
/// <c>DataProtection:Redis</c>: two app instances with that setting share one key ring, so what one
/// encrypts (history, settings) the other reads; an unreachable Redis stops start-up in one line.
/// </summary>
[Trait(Category.Name, Category.Engine)]
public sealed class RedisKeyRingTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [RedisFact]
    public async Task TwoInstances_WithTheSameRedis_ReadEachOthersProtectedData()
    {
        var settings = new Dictionary<string, string> { ["DataProtection:Redis"] = redis.ConnectionString };
        await using var a = new ConfiguredAppServer(new(settings));
        await using var b = new ConfiguredAppServer(new(settings));
        await a.InitializeAsync();
        await b.InitializeAsync();
        string secret = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("history").Protect("young man");

        Assert.Equal("young man", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("history").Unprotect(secret));
    }

    [RedisFact]
    public async Task WithoutTheSharedRing_TheOtherInstanceCannotRead()
    {
        // The control for the test above: a different Redis key is a different ring.
        await using var a = new ConfiguredAppServer(new() { ["DataProtection:Redis"] = redis.ConnectionString });
        await using var b = new ConfiguredAppServer(new() { ["DataProtection:Redis"] = redis.ConnectionString, ["DataProtection:RedisKey"] = "another-ring" });
        await a.InitializeAsync();
        await b.InitializeAsync();
        string secret = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("history").Protect("young man");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() =>
            b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("history").Unprotect(secret));
    }

    [RedisFact]
    public async Task ARedisLostAfterStartUp_LeavesHistoryReadableAndWritable_FromTheRingInMemory()
    {
        var own = new RedisServer(); // this test stops it
        await own.InitializeAsync();
        await using var app = new ConfiguredAppServer(new() { ["DataProtection:Redis"] = own.ConnectionString });
        await app.InitializeAsync();
        var history = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("history");
        string before = history.Protect("young man"); // the ring is made, stored in Redis and held in memory

        await own.DisposeAsync();
        // The framework reads the ring again only when its cache expires (a day at most); a failed read keeps the old one.
        Assert.Equal("young man", history.Unprotect(before));
        Assert.Equal("than he was", history.Unprotect(history.Protect("than he was")));
    }

    [Fact]
    public void AnUnreachableRedis_Fails_InOneLine_NamingTheSettingAndTheAddress_NotThePassword()
    {
        int closed = RedisServer.FreePort(); // nothing listens there
        // How long it takes is not asserted: on a loaded machine the client's retries took 10 s once (its timeout is 5 s).
        var e = Assert.Throws<StartupSettingException>(() => RedisKeyRing.Connect($"127.0.0.1:{closed},password=hunter2-secret"));

        Assert.Equal($"DataProtection:Redis: cannot reach Redis at 127.0.0.1:{closed} (UnableToConnect); the key ring that encrypts history and settings lives there.", e.Message);
        Assert.DoesNotContain("hunter2", e.Message);
    }

    [Fact]
    public async Task TheApp_ConfiguredWithAnUnreachableRedis_ExitsWithThatLine_AndCode1()
    {
        int closed = RedisServer.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppProcess.ProjectDirectory };
        start.ArgumentList.Add(AppProcess.Dll);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DataProtection__Redis"] = $"127.0.0.1:{closed},password=hunter2-secret";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"DataProtection:Redis: cannot reach Redis at 127.0.0.1:{closed} (UnableToConnect); the key ring that encrypts history and settings lives there.", stderr.Trim());
        Assert.DoesNotContain("hunter2", stderr + await stdout);
    }

    [Fact]
    public void BothADirectoryAndRedis_IsRefused_NamingBoth()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();
        builder.Configuration["DataProtection:KeyDirectory"] = "/tmp/keys";
        builder.Configuration["DataProtection:Redis"] = "127.0.0.1:6379";
        var e = Assert.Throws<StartupSettingException>(() => builder.AddTranscribeBlazor());
        Assert.Contains("DataProtection:KeyDirectory and DataProtection:Redis", e.Message);
    }
}
