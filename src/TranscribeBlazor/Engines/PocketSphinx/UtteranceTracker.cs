using TranscribeBlazor.Transcripts;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// Splits a decoder's stream into utterances at the pauses its voice activity detector finds, and
/// turns hypotheses into results: a partial every <c>partialInterval</c> samples of speech while the
/// text changes, a final when the speaker pauses.
/// </summary>
internal sealed class UtteranceTracker
{
    private readonly PocketSphinxDecoder _decoder;
    private readonly string _resultIdPrefix;
    private readonly int _partialInterval;
    private readonly double _offset;
    private int _utterance;
    private bool _inSpeech;
    private int _samplesSincePartial;
    private string _lastPartial = string.Empty;

    /// <summary>Resets <paramref name="decoder"/> for a new session and opens its first utterance.</summary>
    /// <param name="offsetSeconds">Where this audio starts in the file (a piece of it): added to every time.</param>
    /// <param name="keepCmn">Keep the decoder's cepstral mean: it has just decoded the audio right before this.</param>
    public UtteranceTracker(PocketSphinxDecoder decoder, string resultIdPrefix, int partialInterval, double offsetSeconds = 0, bool keepCmn = false)
    {
        _decoder = decoder;
        _resultIdPrefix = resultIdPrefix;
        _partialInterval = partialInterval;
        _offset = offsetSeconds;
        _decoder.ResetForSession(keepCmn);
        _decoder.StartUtterance();
    }

    private string ResultId => $"{_resultIdPrefix}-{_utterance}";

    /// <summary>Feeds samples; returns a result when one is due.</summary>
    public TranscriptResult? Process(ReadOnlySpan<short> samples)
    {
        bool speech = _decoder.Process(samples);
        if (speech && !_inSpeech)
        {
            _inSpeech = true;
            _samplesSincePartial = 0;
        }
        if (!speech && _inSpeech)
            return EndUtterance(restart: true);
        if (!_inSpeech)
            return null;

        _samplesSincePartial += samples.Length;
        if (_samplesSincePartial < _partialInterval)
            return null;
        _samplesSincePartial = 0;
        string text = _decoder.Hypothesis();
        if (text.Length == 0 || text == _lastPartial)
            return null;
        _lastPartial = text;
        return ToResult(_decoder.Words(withConfidence: false), isPartial: true);
    }

    /// <summary>Ends the stream; returns the last utterance's final result if one was under way.</summary>
    public TranscriptResult? Finish() => EndUtterance(restart: false);

    /// <summary>Ends an interrupted utterance so the decoder can be reset and reused.</summary>
    public void Abandon()
    {
        try { _decoder.EndUtterance(); } catch (TranscriptionEngineException) { /* decoder is marked faulted and will be discarded */ }
    }

    private TranscriptResult? EndUtterance(bool restart)
    {
        _decoder.EndUtterance();
        TranscriptResult? result = null;
        if (_inSpeech || _lastPartial.Length > 0)
        {
            // A final is sent even when it has no words, so a partial shown for noise is withdrawn.
            result = ToResult(_decoder.Words(withConfidence: true), isPartial: false);
            _utterance++;
        }
        _inSpeech = false;
        _lastPartial = string.Empty;
        if (restart)
            _decoder.StartUtterance();
        return result;
    }

    private TranscriptResult ToResult(List<DecodedWord> words, bool isPartial)
    {
        double rate = _decoder.FrameRate;
        var items = new List<TranscriptItem>(words.Count);
        foreach (var word in words)
        {
            if (!IsSpokenWord(word.Word)) continue;
            items.Add(new TranscriptItem(
                Content: StripPronunciationVariant(word.Word),
                StartTime: _offset + word.StartFrame / rate,
                EndTime: _offset + (word.EndFrame + 1) / rate,
                Confidence: word.Confidence is double c ? Math.Round(Math.Clamp(c, 0, 1), 4) : null,
                Stable: !isPartial));
        }
        double start = items.Count > 0 ? items[0].StartTime : _offset + (words.Count > 0 ? words[0].StartFrame / rate : 0);
        double end = items.Count > 0 ? items[^1].EndTime : words.Count > 0 ? _offset + (words[^1].EndFrame + 1) / rate : start;
        return new TranscriptResult(ResultId, start, end, isPartial, [TranscriptAlternative.FromItems(items)]);
    }

    /// <summary>Drops sentence markers (&lt;s&gt;, &lt;/s&gt;, &lt;sil&gt;) and fillers ([NOISE], ++BREATH++).</summary>
    internal static bool IsSpokenWord(string word) =>
        word.Length > 0 && word[0] is not ('<' or '[' or '+');

    /// <summary>"read(2)" is the dictionary's second pronunciation of "read".</summary>
    internal static string StripPronunciationVariant(string word)
    {
        int paren = word.IndexOf('(');
        return paren > 0 && word.EndsWith(')') ? word[..paren] : word;
    }
}
