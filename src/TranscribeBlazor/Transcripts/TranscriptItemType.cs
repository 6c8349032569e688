namespace TranscribeBlazor.Transcripts;

public enum TranscriptItemType
{
    Pronunciation,
    Punctuation,
}
