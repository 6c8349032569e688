namespace TranscribeBlazor.Audio.Containers;

/// <summary>What the user is told a file is, in the three forms sentences need.</summary>
/// <param name="Plain">"MP4/M4A", "3GP": the format line and "this ... file".</param>
/// <param name="WithArticle">"an MP4/M4A", "a 3GP": "This is ... file".</param>
/// <param name="AsVideo">"MP4/MOV video": the format line when the file's first track is a picture track.</param>
public sealed record ContainerName(string Plain, string WithArticle, string AsVideo);
