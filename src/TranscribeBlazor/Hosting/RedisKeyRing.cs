using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;

namespace TranscribeBlazor.Hosting;

/// <summary>A start-up setting that cannot work; its message is one line naming the setting, fit to print as it is.</summary>
public sealed class StartupSettingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The key ring in Redis (<see cref="KeyRingOptions.Redis"/>). Connects once at start-up so that an
/// unreachable Redis stops the app with its address rather than with a page that cannot decrypt
/// anything at the first visit.
/// </summary>
public static class RedisKeyRing
{
    /// <summary>How long start-up waits for Redis. StackExchange.Redis' own default is 5 s; a local Redis answers in under 10 ms.</summary>
    public const int ConnectTimeoutMilliseconds = 5_000;

    public static IDataProtectionBuilder PersistKeysToRedis(this IDataProtectionBuilder dataProtection, KeyRingOptions options)
    {
        var redis = Connect(options.Redis!);
        dataProtection.Services.AddSingleton<IConnectionMultiplexer>(redis); // disposed with the app
        return dataProtection.PersistKeysToStackExchangeRedis(redis, options.RedisKey);
    }

    public static ConnectionMultiplexer Connect(string connectionString)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupSettingException($"{KeyRingOptions.Section}:Redis is not a Redis connection string ({e.Message}).", e);
        }
        if (configuration.EndPoints.Count == 0)
            throw new StartupSettingException($"{KeyRingOptions.Section}:Redis names no Redis server (expected host:port).");
        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, ConnectTimeoutMilliseconds);
        try
        {
            return ConnectionMultiplexer.Connect(configuration);
        }
        catch (RedisConnectionException e)
        {
            // Endpoints only: the connection string may carry a password.
            string where = string.Join(", ", configuration.EndPoints.Select(Format));
            throw new StartupSettingException($"{KeyRingOptions.Section}:Redis: cannot reach Redis at {where} ({e.FailureType}); the key ring that encrypts history and settings lives there.", e);
        }
    }

    private static string Format(System.Net.EndPoint endpoint) => endpoint switch
    {
        System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => endpoint.ToString() ?? "?",
    };
}
