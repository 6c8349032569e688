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

    /// <summary>
    /// A file (not a live recording) is cut at pauses into pieces that idle decoders transcribe at once,
    /// each borrowed for one piece only while no other run waits. Off: one decoder reads the file from start to end.
    /// </summary>
    public bool ParallelFiles { get; set; } = true;

    /// <summary>
    /// Length a piece reaches before the next pause ends it (at most twice this with no pause). A run that
    /// arrives while another's file is spread over the decoders waits at most one piece's decode: about a
    /// quarter of this on a free core (PocketSphinx decodes at 0.2–0.3× real time).
    /// </summary>
    [Range(5, 300)]
    public double PieceSeconds { get; set; } = 15;

    /// <summary>Further decoder arguments by name, e.g. <c>"-beam": "1e-60"</c>.</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    public string AcousticModelPath => Path.Combine(ModelDirectory, AcousticModel);

    public string LanguageModelPath => Path.Combine(ModelDirectory, LanguageModel);

    public string DictionaryPath => Path.Combine(ModelDirectory, Dictionary);
}
