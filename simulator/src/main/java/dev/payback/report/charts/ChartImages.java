package dev.payback.report.charts;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.jfree.svg.util.DoubleConverter;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;

/** Renders a chart as PNG (slides) or SVG (web, and inline in report.html) at slide size. */
public final class ChartImages {
    private ChartImages() {
    }

    static {
        // JFreeChart draws a rotated string (a vertical axis label) as glyph outlines unless told not
        // to, a workaround for rotated text on Java 1.4: in SVG a rotated <text> instead of a path of
        // 3–12 KB per chart, in report.pdf (drawn through draw(chart, g)) text like the chart's other
        // strings; in PNG the same pixels
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Slide size: 1200 × 675 (16:9). */
    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    /**
     * PNG bytes ({@link Png}). A chart whose background paint is opaque (every chart of this package,
     * drawn on white) covers every pixel with it, so it is drawn into an opaque RGB image and written
     * without an alpha channel (3 bytes a pixel to deflate instead of 4; the same pixels); any other
     * chart keeps its alpha channel.
     */
    public static byte[] png(JFreeChart chart) {
        return Png.encode(chart.createBufferedImage(WIDTH, HEIGHT, imageType(chart), null));
    }

    /** RGB when the chart's background paint is opaque (it fills the whole image first), else ARGB. */
    static int imageType(JFreeChart chart) {
        Paint background = chart.getBackgroundPaint();
        return background != null && background.getTransparency() == Transparency.OPAQUE
                ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
    }

    /**
     * Decimal places of the SVG's coordinates and lengths (JFreeSVG writes a float's every digit,
     * e.g. {@code 106.5633316040039}): a hundredth of a pixel of the 1200 × 675 view box, far below
     * what any screen or print shows, for files about a quarter smaller.
     */
    static final int SVG_DECIMALS = 2;

    /**
     * The chart as an {@code <svg>} element that scales to its container (viewBox, no fixed size),
     * for inline use in HTML. {@code id} prefixes every definition (clip paths, gradients) so that
     * several charts can share one page. Text drawn by the chart, scenario strings included, is
     * XML-escaped by JFreeSVG.
     */
    public static String svgElement(JFreeChart chart, String id) {
        return draw(chart, id).getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    /** A standalone SVG file (XML declaration, fixed size and viewBox), UTF-8. */
    public static byte[] svgFile(JFreeChart chart, String id) {
        String svg = draw(chart, id).getSVGElement(id, true, new ViewBox(0, 0, WIDTH, HEIGHT),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        return svgFileBytes(svg);
    }

    /**
     * One chart in the forms asked for (at least one), drawn once as SVG whatever the number of SVG
     * forms. The bytes are copied in and out (no shared state).
     *
     * @param png        PNG bytes, or null when not asked for
     * @param svgFile    a standalone SVG file ({@link #svgFile}), or null when not asked for
     * @param svgElement an inline {@code <svg>} element ({@link #svgElement}), or null when not asked for
     */
    public record Rendered(byte[] png, byte[] svgFile, String svgElement) {
        public Rendered {
            if (png == null && svgFile == null && svgElement == null) {
                throw new IllegalArgumentException("a rendered chart in none of its forms");
            }
            if (png != null && png.length == 0 || svgFile != null && svgFile.length == 0
                    || svgElement != null && svgElement.isEmpty()) {
                throw new IllegalArgumentException("a rendered chart with an empty form");
            }
            png = png == null ? null : png.clone();
            svgFile = svgFile == null ? null : svgFile.clone();
        }

        @Override
        public byte[] png() {
            return png == null ? null : png.clone();
        }

        @Override
        public byte[] svgFile() {
            return svgFile == null ? null : svgFile.clone();
        }
    }

    /**
     * Renders {@code chart} as PNG when {@code png}, and draws it once as SVG for a standalone file
     * with id {@code fileId} and/or an inline element with id {@code elementId} (null: not wanted).
     * Definitions (clip paths, gradients) are prefixed with the element's id when there is one, so
     * that several inline charts can share one page.
     *
     * @throws IllegalArgumentException when no form is asked for ({@link Rendered} holds at least one)
     */
    public static Rendered render(JFreeChart chart, boolean png, String fileId, String elementId) {
        byte[] pngBytes = png ? png(chart) : null;
        byte[] file = null;
        String element = null;
        if (fileId != null || elementId != null) {
            SVGGraphics2D g = draw(chart, elementId != null ? elementId : fileId);
            if (fileId != null) {
                file = svgFileBytes(g.getSVGElement(fileId, true, new ViewBox(0, 0, WIDTH, HEIGHT),
                        PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET));
            }
            if (elementId != null) {
                element = g.getSVGElement(elementId, false, new ViewBox(0, 0, WIDTH, HEIGHT),
                        PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
            }
        }
        return new Rendered(pngBytes, file, element);
    }

    private static byte[] svgFileBytes(String svg) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Draws {@code chart} onto {@code g} at slide size, in the user space (0, 0)–({@link #WIDTH},
     * {@link #HEIGHT}), as its PNG and SVG are drawn (report.pdf scales that space to the chart's box).
     */
    public static void draw(JFreeChart chart, Graphics2D g) {
        chart.draw(g, ChartStyle.area(WIDTH, HEIGHT));
    }

    private static SVGGraphics2D draw(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(new DoubleConverter(SVG_DECIMALS));
        draw(chart, g);
        return g;
    }
}
