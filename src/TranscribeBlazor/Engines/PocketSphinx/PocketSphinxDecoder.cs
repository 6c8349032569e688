using System.Runtime.InteropServices;

namespace TranscribeBlazor.Engines.PocketSphinx;

/// <summary>
/// One native decoder with checked calls. Not thread-safe: one session uses it at a time, through
/// <see cref="DecoderPool"/>. Every call here runs native code and belongs on a pool thread.
/// </summary>
internal sealed class PocketSphinxDecoder : IDisposable
{
    private static readonly object LogLock = new();
    private static bool _logSilenced;

    private readonly SafeDecoderHandle _handle;
    private readonly IntPtr _logmath;
    private readonly IntPtr _cmn;
    private readonly float[] _initialCmn;
    private bool _inUtterance;

    private PocketSphinxDecoder(SafeDecoderHandle handle)
    {
        _handle = handle;
        _logmath = InteropPocketSphinx.ps_get_logmath(handle);
        FrameRate = (int)InteropSphinxBase.cmd_ln_int_r(InteropPocketSphinx.ps_get_config(handle), "-frate").Value;
        (_cmn, _initialCmn) = CaptureCmn(handle);
    }

    /// <summary>Frames per second of the word times.</summary>
    public int FrameRate { get; }

    public bool IsFaulted { get; private set; }

    public static PocketSphinxDecoder Create(PocketSphinxOptions options)
    {
        SilenceLibraryLog();
        var args = new List<string>
        {
            "-hmm", options.AcousticModelPath,
            "-lm", options.LanguageModelPath,
            "-dict", options.DictionaryPath,
        };
        foreach (var (name, value) in options.Parameters)
            args.AddRange([name.StartsWith('-') ? name : "-" + name, value]);

        using var config = InteropSphinxBase.cmd_ln_parse_r(IntPtr.Zero, InteropPocketSphinx.ps_args(), args.Count, [.. args], strict: 1);
        if (config.IsInvalid)
            throw new TranscriptionEngineException(
                $"PocketSphinx rejected its configuration ({string.Join(' ', options.Parameters.Keys)}): check Transcription:PocketSphinx:Parameters.");
        var handle = InteropPocketSphinx.ps_init(config);
        if (handle.IsInvalid)
            throw new TranscriptionEngineException(
                $"PocketSphinx could not load its model from {options.ModelDirectory}; is the package pocketsphinx-en-us installed?");
        return new PocketSphinxDecoder(handle);
    }

    /// <summary>
    /// Makes the decoder as good as new for the next session: word times restart at zero and the
    /// cepstral mean goes back to the model's initial value, so no session hears the previous one.
    /// </summary>
    /// <param name="keepCmn">Keep the cepstral mean instead: the next audio continues what the decoder just heard (the next piece of the same file).</param>
    public void ResetForSession(bool keepCmn = false)
    {
        if (_inUtterance)
            EndUtterance();
        Check(InteropPocketSphinx.ps_start_stream(_handle), "ps_start_stream");
        if (!keepCmn) RestoreCmn();
    }

    /// <summary>
    /// Sets the cepstral mean to that of the speech in <paramref name="samples"/> (the start of a piece of a
    /// file that this decoder did not hear the beginning of), as if the decoder had been listening all along;
    /// computed by the decoder's own front end, a few milliseconds for 10 s. Fewer than 1 s of speech
    /// frames say too little: the mean is then left as it is. Call before <see cref="ResetForSession"/> with keepCmn.
    /// </summary>
    public unsafe void EstimateCmn(ReadOnlySpan<short> samples)
    {
        const int Block = 256, MinFrames = 100;
        if (_cmn == IntPtr.Zero || samples.IsEmpty) return;
        if (_inUtterance) EndUtterance();
        bool added = false;
        _handle.DangerousAddRef(ref added); // the front end lives inside the decoder
        try
        {
            IntPtr fe = InteropPocketSphinx.ps_get_fe(_handle);
            int width = _initialCmn.Length;
            if (fe == IntPtr.Zero || InteropSphinxBase.fe_get_output_size(fe) != width) return;
            var sum = new double[width];
            long frames = 0;
            var cepstra = new float[Block * width];
            var rows = stackalloc float*[Block];
            Check(InteropSphinxBase.fe_start_utt(fe), "fe_start_utt");
            fixed (short* data = samples)
            fixed (float* buffer = cepstra)
            {
                for (int i = 0; i < Block; i++) rows[i] = buffer + i * width;
                short* next = data;
                nuint left = (nuint)samples.Length;
                while (left > 0)
                {
                    nuint before = left;
                    int count = Block, index = 0;
                    Check(InteropSphinxBase.fe_process_frames(fe, &next, &left, rows, &count, &index), "fe_process_frames");
                    Add(buffer, count);
                    if (count == 0 && left == before) break;
                }
                int last = 0;
                Check(InteropSphinxBase.fe_end_utt(fe, buffer, &last), "fe_end_utt");
                Add(buffer, Math.Min(last, 1));
            }
            if (frames < MinFrames) return;
            var mean = new float[width];
            for (int i = 0; i < width; i++) mean[i] = (float)(sum[i] / frames);
            fixed (float* vector = mean)
                InteropSphinxBase.cmn_live_set(_cmn, vector);

            void Add(float* rowsStart, int count)
            {
                for (int f = 0; f < count; f++)
                    for (int i = 0; i < width; i++) sum[i] += rowsStart[f * width + i];
                frames += count;
            }
        }
        finally
        {
            if (added) _handle.DangerousRelease();
        }
    }

    public void StartUtterance()
    {
        Check(InteropPocketSphinx.ps_start_utt(_handle), "ps_start_utt");
        _inUtterance = true;
    }

    /// <summary>Decodes samples; returns whether the voice activity detector hears speech.</summary>
    public unsafe bool Process(ReadOnlySpan<short> samples)
    {
        fixed (short* data = samples)
            Check(InteropPocketSphinx.ps_process_raw(_handle, data, (nuint)samples.Length, noSearch: 0, fullUtterance: 0), "ps_process_raw");
        return InteropPocketSphinx.ps_get_in_speech(_handle) != 0;
    }

    public void EndUtterance()
    {
        _inUtterance = false;
        Check(InteropPocketSphinx.ps_end_utt(_handle), "ps_end_utt");
    }

    /// <summary>The current best hypothesis text (partial during an utterance, final after it ends).</summary>
    public string Hypothesis()
    {
        IntPtr text = InteropPocketSphinx.ps_get_hyp(_handle, out _);
        return text == IntPtr.Zero ? string.Empty : Marshal.PtrToStringUTF8(text) ?? string.Empty;
    }

    /// <summary>The words of the current best hypothesis, fillers and sentence markers included.</summary>
    public List<DecodedWord> Words(bool withConfidence)
    {
        var words = new List<DecodedWord>();
        using var iterator = SafeSegmentIteratorHandle.Begin(_handle);
        if (iterator.IsInvalid) return words;
        do
        {
            var (start, end) = iterator.Frames;
            double? confidence = withConfidence ? InteropSphinxBase.logmath_exp(_logmath, iterator.LogPosterior) : null;
            words.Add(new DecodedWord(iterator.Word, start, end, confidence));
        }
        while (iterator.MoveNext());
        return words;
    }

    public void Dispose() => _handle.Dispose();

    private void Check(int result, string call)
    {
        if (result >= 0) return;
        IsFaulted = true;
        throw new TranscriptionEngineException($"PocketSphinx failed in {call} (code {result}).");
    }

    private static unsafe (IntPtr Cmn, float[] Initial) CaptureCmn(SafeDecoderHandle handle)
    {
        IntPtr feat = InteropPocketSphinx.ps_get_feat(handle);
        if (feat == IntPtr.Zero) return (IntPtr.Zero, []);
        IntPtr cmn = Marshal.PtrToStructure<InteropSphinxBase.FeatHead>(feat).CmnState;
        if (cmn == IntPtr.Zero) return (IntPtr.Zero, []);
        int length = Marshal.PtrToStructure<InteropSphinxBase.Cmn>(cmn).VectorLength;
        if (length <= 0 || length > 64) return (IntPtr.Zero, []);
        var initial = new float[length];
        fixed (float* vector = initial)
            InteropSphinxBase.cmn_live_get(cmn, vector);
        return (cmn, initial);
    }

    private unsafe void RestoreCmn()
    {
        if (_cmn == IntPtr.Zero) return;
        bool added = false;
        _handle.DangerousAddRef(ref added); // the CMN state lives inside the decoder
        try
        {
            fixed (float* vector = _initialCmn)
                InteropSphinxBase.cmn_live_set(_cmn, vector);
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    private static void SilenceLibraryLog()
    {
        lock (LogLock)
        {
            if (_logSilenced) return;
            InteropSphinxBase.err_set_logfp(IntPtr.Zero);
            _logSilenced = true;
        }
    }
}
