namespace TranscribeBlazor.Audio.Resampling;

/// <summary>
/// Streaming rational resampler (L/M polyphase FIR with a Kaiser-windowed sinc low-pass).
/// </summary>
/// <remarks>
/// The low-pass sits below the lower of the two Nyquist frequencies: flat to 90 % of it, −80 dB from
/// 100 % on, so a 48 kHz recording loses nothing below 7.2 kHz when it becomes 16 kHz and nothing above
/// 8 kHz folds back as aliasing. The filter's delay is removed, so output sample n lines up with input
/// time n / outputRate, and <see cref="Flush"/> drains the tail.
/// A ratio with a small numerator (44.1 → 16 kHz is 160/441) gets one filter phase per step, exactly.
/// An odd rate (44,056 Hz → 16 kHz is 2000/5507) would need thousands of phases, so it gets
/// <see cref="MaxPhases"/> and interpolates linearly between the two nearest: memory stays bounded
/// and the error stays below the filter's own stopband.
/// </remarks>
public sealed class PolyphaseResampler
{
    private const double StopbandAttenuationDb = 80;
    private const double TransitionFraction = 0.1;
    internal const int MaxPhases = 256;

    private readonly int _up;          // L
    private readonly int _down;        // M
    private readonly int _phases;      // filter phases stored: L, or MaxPhases when L is larger
    private readonly int _taps;        // taps per phase
    private readonly float[] _coefficients; // [phase * taps + k], k-th tap reversed for a forward dot product
    private float[] _history;          // input samples; _history[0] is input index _historyStart
    private int _historyCount;
    private long _historyStart;
    private long _inputCount;
    private long _nextOutput;          // index of the next output sample (before delay removal)
    private long _outputsToSkip;
    private long _emitted;

    public PolyphaseResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        int gcd = Gcd(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        InputRate = inputRate;
        OutputRate = outputRate;

        _phases = Math.Min(_up, MaxPhases);
        // Design at the upsampled rate P * inputRate.
        double upsampledRate = (double)_phases * inputRate;
        double edge = Math.Min(inputRate, outputRate) / 2.0;
        double transition = edge * TransitionFraction;
        double cutoff = (edge - transition / 2) / upsampledRate; // cycles per upsampled sample
        double deltaOmega = 2 * Math.PI * transition / upsampledRate;
        int length = (int)Math.Ceiling((StopbandAttenuationDb - 8) / (2.285 * deltaOmega)) + 1;
        _taps = Math.Max(2, (length + _phases - 1) / _phases);
        length = _taps * _phases;
        double beta = 0.1102 * (StopbandAttenuationDb - 8.7);
        double center = (length - 1) / 2.0;
        double i0Beta = BesselI0(beta);

        var prototype = new double[length];
        for (int j = 0; j < length; j++)
        {
            double x = j - center;
            double sinc = x == 0 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double r = x / center;
            double window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - r * r))) / i0Beta;
            prototype[j] = sinc * window * _phases; // gain P restores amplitude lost to zero-stuffing
        }

        _coefficients = new float[length];
        for (int phase = 0; phase < _phases; phase++)
            for (int k = 0; k < _taps; k++)
                _coefficients[phase * _taps + (_taps - 1 - k)] = (float)prototype[phase + k * _phases];

        _history = new float[Math.Max(4096, _taps * 4)];
        // Start with taps-1 zeros so the first outputs have a full window.
        _historyCount = _taps - 1;
        _historyStart = -(_taps - 1);
        _outputsToSkip = (long)Math.Round(center * _up / ((double)_phases * _down));
    }

    public int InputRate { get; }
    public int OutputRate { get; }

    /// <summary>Upper bound on the outputs produced for <paramref name="inputCount"/> more inputs.</summary>
    public int MaxOutputFor(int inputCount) => (int)((long)(inputCount + _taps) * _up / _down) + 2;

    /// <summary>Feeds input samples; writes the outputs they complete and returns how many.</summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        Append(input);
        return Drain(output, _inputCount);
    }

    /// <summary>Feeds zeros through the filter to emit the outputs still inside it (end of stream).</summary>
    public int Flush(Span<float> output)
    {
        long finalOutputs = (_inputCount * _up + _down - 1) / _down; // outputs that cover the real input
        Span<float> zeros = stackalloc float[256];
        zeros.Clear();
        int written = 0;
        for (int fed = 0; fed < _taps + _down; fed += zeros.Length)
        {
            Append(zeros);
            long cap = finalOutputs - _emitted;
            if (cap <= 0) break;
            written += Drain(output[written..(int)Math.Min(output.Length, written + cap)], _inputCount);
        }
        return written;
    }

    private void Append(ReadOnlySpan<float> input)
    {
        if (_historyCount + input.Length > _history.Length)
            Array.Resize(ref _history, Math.Max(_history.Length * 2, _historyCount + input.Length));
        input.CopyTo(_history.AsSpan(_historyCount));
        _historyCount += input.Length;
        _inputCount += input.Length;
    }

    private int Drain(Span<float> output, long available)
    {
        int written = 0;
        while (true)
        {
            long upsampled = _nextOutput * _down;
            long newest = upsampled / _up; // newest input index this output needs
            long remainder = upsampled % _up;
            float sum;
            if (_phases == _up)
            {
                if (newest >= available) break;
                sum = PhaseOutput((int)remainder, newest);
            }
            else
            {
                if (newest + 1 >= available) break;
                double position = (double)remainder * _phases / _up;
                int phase = (int)position;
                float below = PhaseOutput(phase, newest);
                float above = phase + 1 < _phases ? PhaseOutput(phase + 1, newest) : PhaseOutput(0, newest + 1);
                sum = below + (float)(position - phase) * (above - below);
            }
            if (_nextOutput >= _outputsToSkip)
            {
                if (written == output.Length) break;
                output[written++] = sum;
                _emitted++;
            }
            _nextOutput++;
        }

        // Keep only what future outputs can reach.
        long oldestNeeded = _nextOutput * _down / _up - (_taps - 1);
        int drop = (int)Math.Clamp(oldestNeeded - _historyStart, 0, _historyCount);
        if (drop > 0)
        {
            _history.AsSpan(drop, _historyCount - drop).CopyTo(_history);
            _historyCount -= drop;
            _historyStart += drop;
        }
        return written;
    }

    private float PhaseOutput(int phase, long newest)
    {
        int first = (int)(newest - (_taps - 1) - _historyStart);
        return Dot(_coefficients.AsSpan(phase * _taps, _taps), _history.AsSpan(first, _taps));
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = System.Numerics.Vector<float>.Zero;
        int width = System.Numerics.Vector<float>.Count, i = 0;
        for (; i <= a.Length - width; i += width)
            acc += new System.Numerics.Vector<float>(a[i..]) * new System.Numerics.Vector<float>(b[i..]);
        float sum = System.Numerics.Vector.Sum(acc);
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, halfX = x / 2;
        for (int k = 1; k < 50; k++)
        {
            term *= halfX / k;
            sum += term * term;
            if (term * term < sum * 1e-17) break;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
