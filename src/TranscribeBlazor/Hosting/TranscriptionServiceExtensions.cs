using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.Hosting;

public static class TranscriptionServiceExtensions
{
    /// <summary>Engines, their options (validated at start-up) and the per-circuit session.</summary>
    public static IServiceCollection AddTranscription(this IServiceCollection services)
    {
        services.AddOptions<TranscriptionOptions>().BindConfiguration(TranscriptionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PocketSphinxOptions>().BindConfiguration(PocketSphinxOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        services.AddOptions<AwsTranscribeOptions>().BindConfiguration(AwsTranscribeOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton<DecoderPool>();
        services.AddSingleton<ITranscriptionEngine, PocketSphinxEngine>();
        services.TryAddSingleton<AwsCredentialSource>();
        services.AddSingleton<ITranscriptionEngine, AwsTranscribeEngine>();
        services.TryAddSingleton<EngineCatalog>();
        services.TryAddSingleton<AdmissionControl>();
        services.TryAddScoped<ClientIdentity>();
        services.AddHttpContextAccessor();
        services.AddHostedService<Uploads.SpoolDirectoryCleanup>();
        services.TryAddScoped<TranscriptionSession>();
        services.TryAddScoped<Settings.SettingsStore>();
        services.TryAddScoped<Settings.SettingsState>();
        services.TryAddScoped<History.HistoryState>();
        services.TryAddScoped<Components.Player.PlayerFollower>();
        services.TryAddScoped<Storage.IBrowserStorage, Storage.ProtectedBrowserStorageAdapter>();
        services.TryAddScoped(sp => new History.HistoryStore(sp.GetRequiredService<Storage.IBrowserStorage>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SessionCircuitHandler>());
        return services;
    }
}
