using MudBlazor;

namespace TranscribeBlazor.Components.Layout;

/// <summary>
/// The app's MudBlazor theme. MudBlazor's stock colours put white on mid-tone green, orange and red (chips,
/// alerts: 2.2–3.6:1) and half-transparent grey text on the dark surface (≈4:1); these shades keep every
/// text at WCAG AA (≥ 4.5:1) in both palettes, as the axe-core browser test measures.
/// </summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#6a1b9a",
            Info = "#0d47a1",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b71c1c",
            AppbarBackground = "#0d47a1",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#90caf9",
            PrimaryContrastText = "#0b1a2b",
            Secondary = "#ce93d8",
            SecondaryContrastText = "#1d0b22",
            Info = "#90caf9",
            InfoContrastText = "#0b1a2b",
            Success = "#81c784",
            SuccessContrastText = "#0b2210",
            Warning = "#ffb74d",
            WarningContrastText = "#2b1700",
            Error = "#ef9a9a",
            ErrorContrastText = "#2b0b0b",
            AppbarBackground = "#1b1f27",
            AppbarText = "#ffffff",
            Background = "#121418",
            Surface = "#1e2229",
            DrawerBackground = "#1b1f27",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.72)",
            ActionDefault = "rgba(255,255,255,0.80)",
            LinesDefault = "rgba(255,255,255,0.16)",
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
