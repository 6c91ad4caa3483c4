package dev.payback.report.charts;

import java.awt.Color;

/**
 * Colours of the charts: the Okabe–Ito palette (safe for the common forms of colour blindness).
 * Option k (scenario order) always gets {@link #option(int)}, in every chart; the neutrals mark
 * thresholds and zones that belong to no option.
 */
public final class Palette {
    private Palette() {
    }

    /** Okabe–Ito, in the order options receive them: blue, orange, bluish green, vermillion, ... */
    private static final Color[] OPTIONS = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xD55E00),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000),
    };

    /** Threshold lines (revenue shares, FTEs, the zero line): dark and mid grey. */
    public static final Color DARK = new Color(0x333333);
    public static final Color MID = new Color(0x777777);
    /** Bars that belong to no option (pain histogram, decision score). */
    public static final Color NEUTRAL_BARS = new Color(0x9A9A9A);
    /** Decision-matrix zones, light to darker. */
    static final Color[] ZONES = {new Color(0xF2F2F2), new Color(0xE0E0E0), new Color(0xCDCDCD)};

    /** The colour of the option at this index (scenario order); cycles after eight options. */
    public static Color option(int index) {
        return OPTIONS[Math.floorMod(index, OPTIONS.length)];
    }

    /** The colour with an alpha in [0, 255]. */
    public static Color alpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** CSS hex of a colour, for the HTML swatches: #0072b2. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
