using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace TranscribeBlazor.Components.Upload;

/// <summary>
/// Files chosen in one go. <see cref="Input"/> is the file input holding them (the player plays file
/// <c>i</c> from its <c>files[i]</c>); it stays on the page until <see cref="DropZone.Retain"/> lets it go.
/// </summary>
public sealed record FileDrop(int Batch, ElementReference Input, IReadOnlyList<IBrowserFile> Files);
