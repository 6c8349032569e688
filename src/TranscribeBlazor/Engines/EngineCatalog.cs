using Microsoft.Extensions.Options;

namespace TranscribeBlazor.Engines;

/// <summary>The engines this server offers, by id.</summary>
public sealed class EngineCatalog(IEnumerable<ITranscriptionEngine> engines, IOptions<EngineOptions> options)
{
    public IReadOnlyList<ITranscriptionEngine> All { get; } = engines.ToList();

    public ITranscriptionEngine Default => Find(options.Value.DefaultEngine)
        ?? throw new InvalidOperationException($"Transcription:DefaultEngine '{options.Value.DefaultEngine}' is not a known engine.");

    public ITranscriptionEngine? Find(string id) =>
        All.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
}
