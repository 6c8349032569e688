using TranscribeBlazor.Admission;
using TranscribeBlazor.Engines;
using TranscribeBlazor.Sessions;

namespace TranscribeBlazor.Tests.Support;

/// <summary>A <see cref="TranscriptionSession"/> as the app builds one, over the engine under test.</summary>
public static class TestSessions
{
    public static TranscriptionSession Create(ITranscriptionEngine engine, TestSettings? settings = null, AdmissionControl? admission = null, string client = "test", TranscribeBlazor.Uploads.SpoolBudget? spool = null)
    {
        settings ??= new TestSettings();
        return settings.NewSession(settings.CatalogOf([engine]), admission ?? settings.NewAdmission(), new ClientIdentity { Address = client }, spool);
    }
}
