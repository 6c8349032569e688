using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace TranscribeBlazor.Components.Upload;

/// <summary>
/// Files chosen in one go. <see cref="Batch"/> is the place of the file input holding them among the
/// drop zone's inputs (<see cref="Zone"/>); the player plays file <c>i</c> from that input's <c>files[i]</c>.
/// </summary>
public sealed record FileDrop(int Batch, ElementReference Zone, IReadOnlyList<IBrowserFile> Files);
