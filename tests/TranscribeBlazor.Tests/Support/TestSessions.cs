using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.Tests.Support;

/// <summary>A <see cref="TranscriptionSession"/> as the app builds one, over the engine under test.</summary>
public static class TestSessions
{
    public static TranscriptionSession Create(ITranscriptionEngine engine, TranscriptionOptions? options = null, AdmissionControl? admission = null, string client = "test")
    {
        options ??= new TranscriptionOptions { DefaultEngine = engine.Id };
        var wrapped = Options.Create(options);
        return new TranscriptionSession(new EngineCatalog([engine], wrapped), wrapped, admission ?? new AdmissionControl(wrapped),
            new ClientIdentity { Address = client }, NullLogger<TranscriptionSession>.Instance);
    }
}
