using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Export;

/// <summary>The final results of a transcript as TXT, SRT, WebVTT or JSON (Amazon Transcribe's result shape).</summary>
public static class TranscriptExporter
{
    /// <param name="original">The recogniser's results when <paramref name="results"/> are a person's correction (JSON keeps both).</param>
    public static string Export(IReadOnlyList<TranscriptResult> results, ExportFormat format, IReadOnlyList<TranscriptResult>? original = null) => format switch
    {
        ExportFormat.Txt => Text(results),
        ExportFormat.Srt => Srt(results),
        ExportFormat.Vtt => Vtt(results),
        _ => Json(results, original),
    };

    /// <summary>One line per utterance (per speaker turn within it); "Speaker 1: ..." when the engine labelled speakers.</summary>
    public static string Text(IReadOnlyList<TranscriptResult> results)
    {
        var sb = new StringBuilder();
        foreach (var result in results.Where(r => !r.IsPartial && r.Transcript.Length > 0))
        {
            if (result.Items.Count == 0)
            {
                sb.Append(result.Transcript).Append('\n');
                continue;
            }
            foreach (var run in SpeakerRuns.Of(result))
                sb.Append(run.Label is { } label ? label + ": " : "").Append(run.Text).Append('\n');
        }
        return sb.ToString();
    }

    public static string Srt(IReadOnlyList<TranscriptResult> results)
    {
        var sb = new StringBuilder();
        int n = 0;
        // SubRip has no speaker markup: a turn's first cue names the speaker in its text.
        foreach (var cue in CaptionCues.From(results, nameSpeakersInText: true))
        {
            sb.Append(++n).Append('\n')
              .Append(Timestamp(cue.Start, ',')).Append(" --> ").Append(Timestamp(cue.End, ',')).Append('\n');
            foreach (var line in cue.Lines) sb.Append(line).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Vtt(IReadOnlyList<TranscriptResult> results)
    {
        var sb = new StringBuilder("WEBVTT\n\n");
        foreach (var cue in CaptionCues.From(results))
        {
            sb.Append(Timestamp(cue.Start, '.')).Append(" --> ").Append(Timestamp(cue.End, '.')).Append('\n');
            string voice = cue.Speaker is { } s ? $"<v {SpeakerNames.Display(s)}>" : "";
            sb.Append(voice).Append(string.Join('\n', cue.Lines.Select(EscapeVtt))).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// {"Transcript":{"Results":[...]}} with Amazon Transcribe's field names, finals only. When the
    /// transcript was corrected, the recogniser's own results follow as "OriginalResults".
    /// </summary>
    public static string Json(IReadOnlyList<TranscriptResult> results, IReadOnlyList<TranscriptResult>? original = null)
    {
        bool corrected = original is not null && !original.SequenceEqual(results);
        var body = new
        {
            Transcript = new
            {
                Results = JsonResults(results),
                OriginalResults = corrected ? JsonResults(original!) : null,
            },
        };
        return JsonSerializer.Serialize(body, JsonOptions) + "\n";
    }

    private static IEnumerable<object> JsonResults(IReadOnlyList<TranscriptResult> results) =>
        results.Where(r => !r.IsPartial).Select(r => new
        {
            r.ResultId, r.StartTime, r.EndTime, r.IsPartial, r.ChannelId, r.LanguageCode,
            Alternatives = r.Alternatives.Select(a => new
            {
                a.Transcript,
                Items = a.Items.Select(i => new
                {
                    i.Content, i.StartTime, i.EndTime,
                    Type = i.Type == TranscriptItemType.Punctuation ? "punctuation" : "pronunciation",
                    i.Confidence, i.Stable, i.Speaker,
                    VocabularyFilterMatch = i.Redacted ? true : (bool?)null,
                }),
            }),
        });

    /// <summary>"00:01:02,345" (SRT) or "00:01:02.345" (WebVTT).</summary>
    public static string Timestamp(double seconds, char separator)
    {
        long ms = (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}{separator}{ms % 1000:000}");
    }

    private static string EscapeVtt(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
