namespace TranscribeBlazor.Components.Timeline;

/// <summary>A run of whole columns on the timeline, [<see cref="First"/>, <see cref="First"/> + <see cref="Columns"/>), in the SVG's column units.</summary>
public readonly record struct TimelineSpan(int First, int Columns);
