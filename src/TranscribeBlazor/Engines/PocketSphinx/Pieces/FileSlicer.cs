namespace TranscribeBlazor.Engines.PocketSphinx.Pieces;

/// <summary>
/// Cuts a file's audio, as it is read, into <see cref="AudioPiece"/>s at the pauses
/// <see cref="PauseSplitter"/> finds. The newest piece's last <see cref="PauseSplitter.LagSamples"/>
/// are held back from its reader until the splitter has heard past them, since a cut may fall there.
/// </summary>
internal sealed class FileSlicer(int sampleRate, double pieceSeconds)
{
    private readonly PauseSplitter _splitter = new(sampleRate, pieceSeconds);
    private readonly List<long> _cuts = [];

    /// <summary>The piece being filled; null before the first samples.</summary>
    public AudioPiece? Current { get; private set; }

    /// <summary>Feeds samples; <paramref name="started"/> is told of every new piece (the first included), in order.</summary>
    public void Push(ReadOnlySpan<short> samples, Action<AudioPiece> started)
    {
        if (samples.IsEmpty) return;
        if (Current is null) started(Current = new AudioPiece(0, 0, sampleRate));
        _cuts.Clear();
        _splitter.Push(samples, _cuts);
        Current.Append(samples);
        foreach (long cut in _cuts)
        {
            var rest = Current.Seal((int)(cut - Current.StartSample));
            started(Current = new AudioPiece(Current.Index + 1, cut, sampleRate));
            Current.Append(rest);
        }
        Current.Publish((int)(_splitter.Heard - _splitter.LagSamples - Current.StartSample));
    }

    /// <summary>The audio ended: the last piece is sealed whole.</summary>
    public void Finish() => Current?.Seal(int.MaxValue);
}
