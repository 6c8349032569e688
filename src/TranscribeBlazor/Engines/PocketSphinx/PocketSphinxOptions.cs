using System.ComponentModel.DataAnnotations;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>Configuration section <c>Transcription:PocketSphinx</c>.</summary>
public sealed class PocketSphinxOptions
{
    public const string Section = "Transcription:PocketSphinx";

    /// <summary>Folder holding the acoustic model, language model and dictionary (Debian's <c>pocketsphinx-en-us</c>).</summary>
    [Required]
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    [Required]
    public string AcousticModel { get; set; } = "en-us";

    [Required]
    public string LanguageModel { get; set; } = "en-us.lm.bin";

    [Required]
    public string Dictionary { get; set; } = "cmudict-en-us.dict";

    /// <summary>Decoders kept alive at most (each ~140 MB); sessions beyond this wait their turn.</summary>
    [Range(1, 64)]
    public int MaxDecoders { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// Decoders one client address (all its tabs, windows and API calls) may hold at once; 0 means half of
    /// <see cref="MaxDecoders"/> (at least one), so one person's long files or recordings always leave room.
    /// </summary>
    [Range(0, 64)]
    public int MaxDecodersPerClient { get; set; }

    public int DecodersPerClient => MaxDecodersPerClient > 0 ? Math.Min(MaxDecodersPerClient, MaxDecoders) : Math.Max(1, MaxDecoders / 2);

    /// <summary>Audio between two partial results. Each partial costs a search backtrace, so not every chunk gets one.</summary>
    [Range(20, 5000)]
    public int PartialIntervalMilliseconds { get; set; } = 200;

    /// <summary>Further decoder arguments by name, e.g. <c>"-beam": "1e-60"</c>.</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    public string AcousticModelPath => Path.Combine(ModelDirectory, AcousticModel);

    public string LanguageModelPath => Path.Combine(ModelDirectory, LanguageModel);

    public string DictionaryPath => Path.Combine(ModelDirectory, Dictionary);
}
