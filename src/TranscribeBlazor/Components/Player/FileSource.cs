using Microsoft.AspNetCore.Components;

namespace TranscribeBlazor.Components.Player;

/// <summary>Where the player finds a dropped file in the browser: the drop zone, which drop's input, its place there.</summary>
public readonly record struct FileSource(ElementReference Zone, int Batch, int Index);
