using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Admission;
using TranscribeBlazor.Audio;
using TranscribeBlazor.Audio.Microphone;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Sessions;
using TranscribeBlazor.Uploads;

namespace TranscribeBlazor.Tests.Support;

/// <summary>The app's settings as one test wants them: every owner's options at its defaults unless the test sets it.</summary>
public sealed record TestSettings
{
    public EngineOptions Engines { get; init; } = new();

    public AudioInputOptions Audio { get; init; } = new();

    public UploadOptions Uploads { get; init; } = new();

    public AdmissionOptions Admission { get; init; } = new();

    public TranscriptionSessionOptions Session { get; init; } = new();

    public MicrophoneOptions Microphone { get; init; } = new();

    /// <summary>A recording's limits as the page computes them from these settings.</summary>
    public MicrophoneLimits MicrophoneLimits => Microphone.LimitsWith(Audio.MaxDuration, Uploads.StallTimeout);

    /// <summary>The catalog over <paramref name="engines"/>: the configured default if it is among them, else the first.</summary>
    public EngineCatalog CatalogOf(IReadOnlyList<ITranscriptionEngine> engines) =>
        new(engines, Options.Create(new EngineOptions
        {
            DefaultEngine = engines.Any(e => e.Id == Engines.DefaultEngine) ? Engines.DefaultEngine : engines[0].Id,
        }));

    public AdmissionControl NewAdmission() => new(Options.Create(Admission));

    public SpoolBudget NewSpoolBudget() => new(Options.Create(Uploads));

    /// <summary>A session as the app builds one for a circuit; <paramref name="spool"/> is the server's, shared between sessions when a test shares it.</summary>
    public TranscriptionSession NewSession(EngineCatalog engines, AdmissionControl admission, ClientIdentity client, SpoolBudget? spool = null) =>
        new(engines, Options.Create(Session), Options.Create(Uploads), Options.Create(Audio), admission, spool ?? NewSpoolBudget(), client, NullLogger<TranscriptionSession>.Instance);
}
