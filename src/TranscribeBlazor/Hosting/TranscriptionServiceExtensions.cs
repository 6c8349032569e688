using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TranscribeBlazor.Admission;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Engines.Aws;
using TranscribeBlazor.Engines.PocketSphinx;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Hosting;

public static class TranscriptionServiceExtensions
{
    /// <summary>Every owner's settings (validated at start-up), the engines, admission and the per-circuit session with its page state.</summary>
    public static IServiceCollection AddTranscription(this IServiceCollection services)
    {
        services.AddValidatedOptions<EngineOptions>(EngineOptions.Section);
        services.AddValidatedOptions<AudioInputOptions>(AudioInputOptions.Section);
        services.AddValidatedOptions<UploadOptions>(UploadOptions.Section);
        services.AddValidatedOptions<AdmissionOptions>(AdmissionOptions.Section);
        services.AddValidatedOptions<TranscriptionSessionOptions>(TranscriptionSessionOptions.Section);
        services.AddValidatedOptions<MicrophoneOptions>(MicrophoneOptions.Section);
        services.AddValidatedOptions<PocketSphinxOptions>(PocketSphinxOptions.Section);
        services.AddValidatedOptions<AwsTranscribeOptions>(AwsTranscribeOptions.Section);

        services.TryAddSingleton<DecoderPool>();
        services.AddSingleton<ITranscriptionEngine, PocketSphinxEngine>();
        services.TryAddSingleton<AwsCredentialSource>();
        services.AddSingleton<ITranscriptionEngine, AwsTranscribeEngine>();
        services.TryAddSingleton<EngineCatalog>();
        services.TryAddSingleton<AdmissionControl>();
        services.TryAddSingleton<SpoolBudget>();
        services.TryAddScoped<ClientIdentity>();
        services.AddHttpContextAccessor();
        services.AddHostedService<SpoolDirectoryCleanup>();
        services.TryAddScoped<TranscriptionSession>();
        services.TryAddScoped<Settings.SettingsStore>();
        services.TryAddScoped<Settings.SettingsState>();
        services.TryAddScoped<History.HistoryState>();
        services.TryAddScoped<Components.Player.PlayerFollower>();
        services.TryAddScoped<Components.Transcript.TranscriptCorrections>();
        services.TryAddSingleton<Storage.StoredValueCodec>();
        services.TryAddScoped<Storage.IBrowserStorage, Storage.EncryptedLocalStorage>();
        services.TryAddScoped(sp => new History.HistoryStore(sp.GetRequiredService<Storage.IBrowserStorage>()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, SessionCircuitHandler>());
        return services;
    }

    /// <summary>Binds a settings class to its section; a bad value stops start-up with the setting's name.</summary>
    private static void AddValidatedOptions<T>(this IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
