using Neuromorph.Figures;

namespace Neuromorph.Plotting;

/// <summary>
/// Where a panel's data area sits inside its rectangle, in logical pixels, and what it shows around it. Stacked panels
/// get the same left and right margins so their data areas line up.
/// </summary>
internal sealed record PanelFrame(int Width, int Height, float Left, float Right, float Top, float Bottom)
{
    /// <summary>Width of the data area.</summary>
    public float DataWidth => Math.Max(20, Width - Left - Right);

    /// <summary>Height of the data area.</summary>
    public float DataHeight => Math.Max(20, Height - Top - Bottom);

    /// <summary>Visible x range (plot coordinates).</summary>
    public (double Lo, double Hi) X { get; init; }

    /// <summary>Visible y range (plot coordinates).</summary>
    public (double Lo, double Hi) Y { get; init; }

    /// <summary>Ticks of the x axis.</summary>
    public required TickSet XTicks { get; init; }

    /// <summary>Ticks of the y axis.</summary>
    public required TickSet YTicks { get; init; }

    /// <summary>True when the x axis title is drawn (the bottom panel of a stack).</summary>
    public bool ShowXTitle { get; init; } = true;

    /// <summary>Where the legend goes: the panel's choice, or outside when no corner inside is free of data.</summary>
    public LegendPlacement Legend { get; init; }

    /// <summary>Text above the data area (figure title and/or panel title; empty: none).</summary>
    public string Title { get; init; } = "";

    /// <summary>Pixels per plot unit along x.</summary>
    public double PixelsPerX => DataWidth / (X.Hi - X.Lo);

    /// <summary>Pixels per plot unit along y.</summary>
    public double PixelsPerY => DataHeight / (Y.Hi - Y.Lo);
}
