package dev.payback.report;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.render.RenderingContext;
import com.openhtmltopdf.util.XRLog;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import dev.payback.report.charts.ChartImages;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.fontbox.ttf.model.GsubData;
import org.apache.fontbox.ttf.model.Language;
import org.apache.fontbox.ttf.model.ScriptFeature;
import org.apache.fontbox.util.BoundingBox;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.font.encoding.GlyphList;
import org.jfree.chart.JFreeChart;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.w3c.dom.Element;

import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.GeneralPath;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.AttributedCharacterIterator;
import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * report.pdf: report.html laid out for paper by OpenHTMLtoPDF (PDFBox underneath), with Liberation
 * Sans embedded so the PDF looks the same everywhere. The page it lays out is report.html with an
 * {@code <object>} in place of each inline SVG chart ({@link HtmlReport#renderForPdf}); each chart is
 * drawn into its object's box from the JFreeChart itself, as vector graphics with its text as text.
 * The first page is the one-page summary (the "What to do" section, which the print style sheet
 * ends with a page break). The file is deterministic: the same report gives the same bytes (fixed
 * dates, an ID derived from the content).
 */
public final class PdfReport {
    private PdfReport() {
    }

    private static final String FONTS = "/dev/payback/report/fonts/";

    static {
        XRLog.setLoggingEnabled(false);
        FontMappers.set(new BundledFontMapper());
    }

    /**
     * PDFBox's mapper for the fonts a PDF names without embedding them: here only the 14 standard
     * fonts OpenHTMLtoPDF registers as last-resort families (every font of the page and the charts is
     * embedded). A standard font's metrics come from PDFBox's own AFM files and its glyphs would only
     * be needed to draw a PDF on screen, so every request gets the bundled Liberation Sans. PDFBox's
     * default mapper would instead scan the system's font folders on a machine's first run, write
     * {@code ~/.pdfbox.cache} into the user's home, and warn on standard error on every run that
     * Symbol and ZapfDingbats are missing. The PDF's bytes are the same either way.
     *
     * <p>OpenHTMLtoPDF makes all 14 fonts for every PDF, and PDFBox asks this mapper for each one's
     * glyphs as it makes it, but reads a standard font's metrics (all OpenHTMLtoPDF reads of it) from
     * the AFM file: the Liberation Sans handed over is a {@link DeferredSans}, parsed only if a glyph,
     * a width or a bounding box is asked of it (a standard font drawing text, which the report's fonts
     * leave to a character none of them has).
     */
    static final class BundledFontMapper implements FontMapper {
        /** Parsed once, on first use, from the bytes the page's fonts are read from, and only read afterwards. */
        private static final class Holder {
            static final TrueTypeFont SANS = parse("LiberationSans-Regular.ttf");

            private static TrueTypeFont parse(String file) {
                try {
                    return new TTFParser().parse(new RandomAccessReadBuffer(Shaping.of(file).font()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(Holder.SANS, false);
        }

        @Override
        public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
            return new FontMapping<>(new DeferredSans(), false);
        }

        @Override
        public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo info) {
            return new CIDFontMapping(null, Holder.SANS, false);
        }
    }

    /**
     * The bundled Liberation Sans as a standard font's glyphs, parsed when first asked for anything:
     * every answer is the parsed font's. {@link #used()} tells whether this instance was asked.
     */
    static final class DeferredSans implements FontBoxFont {
        private TrueTypeFont font;

        /** Whether anything was asked of this font (and Liberation Sans parsed for it). */
        boolean used() {
            return font != null;
        }

        private TrueTypeFont font() {
            if (font == null) {
                font = BundledFontMapper.Holder.SANS;
            }
            return font;
        }

        @Override
        public String getName() throws IOException {
            return font().getName();
        }

        @Override
        public BoundingBox getFontBBox() throws IOException {
            return font().getFontBBox();
        }

        @Override
        public List<Number> getFontMatrix() throws IOException {
            return font().getFontMatrix();
        }

        @Override
        public GeneralPath getPath(String name) throws IOException {
            return font().getPath(name);
        }

        @Override
        public float getWidth(String name) throws IOException {
            return font().getWidth(name);
        }

        @Override
        public boolean hasGlyph(String name) throws IOException {
            return font().hasGlyph(name);
        }
    }

    /**
     * The standard fonts in the reverse of the order OpenHTMLtoPDF makes them (Courier, Times,
     * Helvetica, each bold oblique first, then Symbol and ZapfDingbats).
     */
    static final List<Standard14Fonts.FontName> STANDARD_FONTS_REVERSED = List.of(
            Standard14Fonts.FontName.ZAPF_DINGBATS, Standard14Fonts.FontName.SYMBOL,
            Standard14Fonts.FontName.HELVETICA, Standard14Fonts.FontName.HELVETICA_BOLD,
            Standard14Fonts.FontName.HELVETICA_OBLIQUE, Standard14Fonts.FontName.HELVETICA_BOLD_OBLIQUE,
            Standard14Fonts.FontName.TIMES_ROMAN, Standard14Fonts.FontName.TIMES_BOLD,
            Standard14Fonts.FontName.TIMES_ITALIC, Standard14Fonts.FontName.TIMES_BOLD_ITALIC,
            Standard14Fonts.FontName.COURIER, Standard14Fonts.FontName.COURIER_BOLD,
            Standard14Fonts.FontName.COURIER_OBLIQUE, Standard14Fonts.FontName.COURIER_BOLD_OBLIQUE);

    /**
     * Reads the font data a report's PDF asks for, which PDFBox and this class keep for the JVM's
     * life: PDFBox's glyph lists and the 14 standard fonts' AFM metrics (OpenHTMLtoPDF makes the 14
     * fonts for every PDF; a fifth of the PDF's own work in a fresh JVM) and the bundled fonts'
     * {@link Shaping}. A thread that has a PDF laid out on another one calls this meanwhile: the two
     * share the reading instead of the PDF's thread doing it all. The fonts come in the reverse of the
     * order the PDF's thread asks for them, so that the two meet once, where each has read its part
     * (PDFBox reads a font's metrics once, under a lock, and so does {@link Shaping#of(String)}).
     * The PDF is the same whether or not this ran.
     */
    public static void loadFontData() {
        GlyphList.getAdobeGlyphList();
        GlyphList.getZapfDingbats();
        for (Standard14Fonts.FontName name : STANDARD_FONTS_REVERSED) {
            Standard14Fonts.getAFM(name.getName());
        }
        for (String file : List.of(SANS, SANS_BOLD, MONO)) {
            Shaping.of(file);
        }
    }

    /** The paper size: from the currency (USD and CAD print on Letter, the rest on A4) or chosen. */
    public enum PageSize {
        A4("A4"), LETTER("letter");

        private final String css;

        PageSize(String css) {
            this.css = css;
        }

        /** The CSS {@code @page size} value. */
        public String css() {
            return css;
        }

        /** Letter for US and Canadian dollars, A4 for every other currency. */
        public static PageSize forCurrency(String currency) {
            return currency.equals("USD") || currency.equals("CAD") ? LETTER : A4;
        }
    }

    /**
     * The {@code type} of the {@code <object>} that stands for a chart on the page; its
     * {@code data-chart} attribute names the chart (a key of the charts handed to {@link #render(byte[], Map)})
     * and its {@code id}, unique on the page, lets the chart be fitted to the object's laid-out box.
     */
    public static final String CHART_TYPE = "application/x-payback-chart";

    /** The PDF of a report page without charts. */
    public static byte[] render(byte[] html) {
        return render(html, Map.of(), false);
    }

    /**
     * The PDF of a report page whose charts are {@link #CHART_TYPE} objects, each drawn from the chart
     * its {@code data-chart} names in {@code charts}. The charts are drawn on the calling thread, which
     * must be the only one drawing them meanwhile (JFreeChart is not thread-safe).
     */
    public static byte[] render(byte[] html, Map<String, JFreeChart> charts) {
        return render(html, charts, false);
    }

    /** As {@link #render(byte[], Map)}; {@code alwaysShape} keeps every font whole (for tests). */
    static byte[] render(byte[] html, Map<String, JFreeChart> charts, boolean alwaysShape) {
        String page = new String(html, StandardCharsets.UTF_8);
        org.w3c.dom.Document doc = new W3CDom().fromJsoup(Jsoup.parse(page));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PDDocument pdf = new PDDocument();
        Fonts fonts = new Fonts(pdf, page, alwaysShape);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.usePDDocument(pdf);
        b.withW3cDocument(doc, "about:blank");
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(CHART_TYPE, new ChartDrawer(Map.copyOf(charts), new ChartText(fonts)));
        b.useObjectDrawerFactory(drawers);
        b.useUnicodeLineBreaker(new AmountBreaker());
        b.withProducer("payback");
        b.withDiagnosticConsumer(d -> { });
        for (String family : new String[] {"Liberation Sans", "Helvetica", "Arial", "sans-serif", "-apple-system",
                "Segoe UI"}) {
            b.useFont(fonts.forPage(SANS), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(fonts.forPage(SANS_BOLD), family, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        for (String family : new String[] {"Liberation Mono", "monospace", "SFMono-Regular", "Consolas"}) {
            b.useFont(fonts.forPage(MONO), family, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        }
        b.toStream(java.io.OutputStream.nullOutputStream());
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            fixIdentity(pdf, html);
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * OpenHTMLtoPDF's line breaker (the JDK's line {@link BreakIterator}, which also breaks in URLs)
     * without the breaks it finds inside an amount: the JDK breaks between a number and the letter or
     * sign that follows it ("$42.6|k", "$1.2|M", "1.5|×") and after the point of a signed number
     * ("+0.|43"), where Unicode's line breaking rules (UAX #14, LB23–LB25) do not, and a browser does
     * not. A break is left out where one of the two characters beside it is a digit and neither is
     * white space or a dash; breaks at spaces and after dashes ("10–|15%", "12-|month") stay.
     */
    static final class AmountBreaker implements FSTextBreaker {
        private final FSTextBreaker lines = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.US));
        private String text = "";

        @Override
        public void setText(String newText) {
            text = newText;
            lines.setText(newText);
        }

        @Override
        public int next() {
            int at = lines.next();
            while (at > 0 && at < text.length() && insideAmount(text.charAt(at - 1), text.charAt(at))) {
                at = lines.next();
            }
            return at;
        }

        /** Whether a line break between {@code before} and {@code after} would cut an amount. */
        static boolean insideAmount(char before, char after) {
            return (Character.isDigit(before) || Character.isDigit(after))
                    && !Character.isWhitespace(before) && !Character.isWhitespace(after)
                    && !isDash(before) && !isDash(after);
        }

        private static boolean isDash(char c) {
            return c == '-' || Character.getType(c) == Character.DASH_PUNCTUATION;
        }
    }

    private static final String SANS = "LiberationSans-Regular.ttf";
    private static final String SANS_BOLD = "LiberationSans-Bold.ttf";
    private static final String MONO = "LiberationMono-Regular.ttf";

    /**
     * The fonts of one PDF, each loaded into the document once, when first used, and shared by every
     * family name the page gives it and by the charts' text. OpenHTMLtoPDF takes the font metrics of
     * a text from every family its {@code font-family} lists ({@code -apple-system, "Segoe UI",
     * Helvetica, ...}), so a font of its own per family name was loaded (parsed, set up for subsetting,
     * subset when saved) once per name, and the footer's text and the charts' were written with other
     * copies of Liberation Sans than the page's: six embedded fonts, where the page and its charts use
     * three. A font is loaded with its glyph-substitution table or without it ({@link Shaping}); for
     * the page that is decided once, from the page's text, for the charts per string. Used by the
     * thread that lays out the PDF only.
     */
    static final class Fonts {
        private final PDDocument pdf;
        private final String page;
        private final boolean alwaysShape;
        private final Map<String, PDFont> loaded = new HashMap<>();
        private final Map<String, Boolean> pageNeeds = new HashMap<>();

        Fonts(PDDocument pdf, String page, boolean alwaysShape) {
            this.pdf = pdf;
            this.page = page;
            this.alwaysShape = alwaysShape;
        }

        /** The font file for the page's text, loaded when OpenHTMLtoPDF first asks for it. */
        PDFontSupplier forPage(String file) {
            return new PDFontSupplier(null) {
                @Override
                public PDFont supply() {
                    Shaping shaping = Shaping.of(file);
                    return font(file, alwaysShape || pageNeeds.computeIfAbsent(file, f -> shaping.needed(page)));
                }
            };
        }

        /** The font file for a chart's string: whole when shaping could change one of its glyphs. */
        PDFont forChart(String file, String text) {
            return font(file, alwaysShape || Shaping.of(file).needed(text));
        }

        /**
         * The font file, whole or without its GSUB table (a file without one is always whole, see
         * {@link Shaping#bytes}), loaded into the PDF as a subset on first use.
         */
        private PDFont font(String file, boolean whole) {
            byte[] bytes = Shaping.of(file).bytes(whole);
            String key = file + (bytes == Shaping.of(file).font() ? "" : " without GSUB");
            PDFont font = loaded.get(key);
            if (font == null) {
                try {
                    font = PDType0Font.load(pdf, new ByteArrayInputStream(bytes), true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                loaded.put(key, font);
            }
            return font;
        }
    }

    /**
     * Draws the chart an object names into the object's content box, scaled to fit it whole and
     * centred (as the SVG's viewBox with xMidYMid meet in report.html), in vector graphics with real
     * text. OpenHTMLtoPDF hands over the content box's top left in layout dots ({@code dotsPerPixel}
     * to a CSS pixel) and gives a Graphics2D in CSS pixels whose origin is there. The size it hands
     * over is the CSS width and height, which under {@code box-sizing: border-box} include the border:
     * the content box's size is taken from the laid-out box (found by the object's id), as OpenHTMLtoPDF
     * does for an SVG. The chart's text is written by {@link ChartText}.
     */
    private record ChartDrawer(Map<String, JFreeChart> charts, ChartText text) implements FSObjectDrawer {
        @Override
        public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
                OutputDevice device, RenderingContext ctx, int dotsPerPixel) {
            String name = e.getAttribute("data-chart");
            JFreeChart chart = charts.get(name);
            if (chart == null) {
                throw new IllegalArgumentException("the page has an object for a chart " + name
                        + " that was not handed over");
            }
            Box box = e.hasAttribute("id") ? ctx.getBoxById(e.getAttribute("id")) : null;
            if (box != null) {
                Rectangle content = box.getContentAreaEdge(box.getAbsX(), box.getAbsY(), ctx);
                width = content.getWidth();
                height = content.getHeight();
            }
            double w = width / dotsPerPixel;
            double h = height / dotsPerPixel;
            double scale = Math.min(w / ChartImages.WIDTH, h / ChartImages.HEIGHT);
            double dx = (w - scale * ChartImages.WIDTH) / 2;
            double dy = (h - scale * ChartImages.HEIGHT) / 2;
            // whole pixels: the form is clipped to (int) width × (int) height and placed by its height,
            // so a fraction would cut off the chart's edge and move its top down
            device.drawWithGraphics((float) x, (float) y, (float) Math.ceil(w), (float) Math.ceil(h), g -> {
                ((PdfBoxGraphics2D) g).setFontTextDrawer(text);
                g.translate(dx, dy);
                g.scale(scale, scale);
                ChartImages.draw(chart, g);
            });
            return null;
        }
    }

    /**
     * The charts' text, as text in Liberation Sans (bold where the chart's font is bold; JFreeChart
     * draws in the AWT logical font SansSerif), whose metrics the charts are then laid out with: the
     * page's own fonts ({@link Fonts}). As for the page's text, a
     * string is written with the font without its GSUB table unless its font's {@link Shaping} says
     * shaping could change one of its glyphs; then with the whole font, which PDFBox shapes. The
     * decision is made per string as it is drawn, which the page's fonts, chosen before layout from
     * the page's text, cannot do: the charts' text is not on the page.
     */
    static final class ChartText extends PdfBoxGraphics2DFontTextDrawer {
        private final Fonts fonts;
        private String text = "";
        /** Each font's metrics (by font and the calculation graphics' rendering context), made once. */
        private final Map<List<Object>, FontMetrics> metrics = new HashMap<>();

        ChartText(Fonts fonts) {
            this.fonts = fonts;
        }

        @Override
        public boolean canDrawText(AttributedCharacterIterator iterator, IFontTextDrawerEnv env)
                throws IOException, FontFormatException {
            text = text(iterator);
            return super.canDrawText(iterator, env);
        }

        @Override
        public void drawText(AttributedCharacterIterator iterator, IFontTextDrawerEnv env)
                throws IOException, FontFormatException {
            text = text(iterator);
            super.drawText(iterator, env);
        }

        @Override
        public FontMetrics getFontMetrics(java.awt.Font f, IFontTextDrawerEnv env)
                throws IOException, FontFormatException {
            List<Object> key = List.of(f, env.getCalculationGraphics().getFontRenderContext());
            FontMetrics m = metrics.get(key);
            if (m == null) {
                text = "";                                    // the same widths with or without GSUB
                m = new MeasuredOnce(super.getFontMetrics(f, env));
                metrics.put(key, m);
            }
            return m;
        }

        @Override
        protected PDFont mapFont(java.awt.Font f, IFontTextDrawerEnv env) {
            return fonts.forChart(f.isBold() ? SANS_BOLD : SANS, text);
        }

        private static String text(AttributedCharacterIterator iterator) {
            StringBuilder b = new StringBuilder();
            for (char c = iterator.first(); c != CharacterIterator.DONE; c = iterator.next()) {
                b.append(c);
            }
            iterator.first();
            return b.toString();
        }
    }

    /**
     * A chart font's metrics with each string's width asked of PDFBox once: JFreeChart measures the same
     * strings again and again (an axis's tick labels to reserve its space and again to place each one, a
     * title's words while it wraps them), and each measure encodes the string with the PDF's font. Every
     * other metric is the wrapped one's.
     */
    @SuppressWarnings("serial")
    static final class MeasuredOnce extends FontMetrics {
        private final FontMetrics m;
        private final transient Map<String, Integer> widths = new HashMap<>();

        MeasuredOnce(FontMetrics m) {
            super(m.getFont());
            this.m = m;
        }

        @Override
        public int stringWidth(String str) {
            Integer w = widths.get(str);
            if (w == null) {
                w = m.stringWidth(str);
                widths.put(str, w);
            }
            return w;
        }

        @Override
        public java.awt.font.FontRenderContext getFontRenderContext() {
            return m.getFontRenderContext();
        }

        @Override
        public int getLeading() {
            return m.getLeading();
        }

        @Override
        public int getAscent() {
            return m.getAscent();
        }

        @Override
        public int getDescent() {
            return m.getDescent();
        }

        @Override
        public int getHeight() {
            return m.getHeight();
        }

        @Override
        public int getMaxAscent() {
            return m.getMaxAscent();
        }

        @Override
        public int getMaxDescent() {
            return m.getMaxDescent();
        }

        @Override
        public int getMaxAdvance() {
            return m.getMaxAdvance();
        }

        @Override
        public int charWidth(int codePoint) {
            return m.charWidth(codePoint);
        }

        @Override
        public int charWidth(char ch) {
            return m.charWidth(ch);
        }

        @Override
        public int charsWidth(char[] data, int off, int len) {
            return m.charsWidth(data, off, len);
        }

        @Override
        public int bytesWidth(byte[] data, int off, int len) {
            return m.bytesWidth(data, off, len);
        }

        @Override
        public int[] getWidths() {
            return m.getWidths();
        }

        @Override
        public boolean hasUniformLineMetrics() {
            return m.hasUniformLineMetrics();
        }

        @Override
        public java.awt.font.LineMetrics getLineMetrics(String str, java.awt.Graphics g) {
            return m.getLineMetrics(str, g);
        }

        @Override
        public java.awt.font.LineMetrics getLineMetrics(String str, int b, int l, java.awt.Graphics g) {
            return m.getLineMetrics(str, b, l, g);
        }

        @Override
        public java.awt.font.LineMetrics getLineMetrics(char[] c, int b, int l, java.awt.Graphics g) {
            return m.getLineMetrics(c, b, l, g);
        }

        @Override
        public java.awt.font.LineMetrics getLineMetrics(CharacterIterator c, int b, int l, java.awt.Graphics g) {
            return m.getLineMetrics(c, b, l, g);
        }

        @Override
        public java.awt.geom.Rectangle2D getStringBounds(String str, java.awt.Graphics g) {
            return m.getStringBounds(str, g);
        }

        @Override
        public java.awt.geom.Rectangle2D getStringBounds(String str, int b, int l, java.awt.Graphics g) {
            return m.getStringBounds(str, b, l, g);
        }

        @Override
        public java.awt.geom.Rectangle2D getStringBounds(char[] c, int b, int l, java.awt.Graphics g) {
            return m.getStringBounds(c, b, l, g);
        }

        @Override
        public java.awt.geom.Rectangle2D getStringBounds(CharacterIterator c, int b, int l, java.awt.Graphics g) {
            return m.getStringBounds(c, b, l, g);
        }

        @Override
        public java.awt.geom.Rectangle2D getMaxCharBounds(java.awt.Graphics g) {
            return m.getMaxCharBounds(g);
        }
    }

    /** Fixed dates and an ID from the page's digest, so the same report always gives the same file. */
    private static void fixIdentity(PDDocument pdf, byte[] html) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        Calendar epoch = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        epoch.clear();
        epoch.set(2026, Calendar.JANUARY, 1);
        info.setCreationDate(epoch);
        info.setModificationDate(epoch);
        info.setProducer("payback");
        info.setCreator("payback");
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(html);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] id = java.util.Arrays.copyOf(digest, 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static final Map<String, Shaping> SHAPING = new ConcurrentHashMap<>();

    static byte[] fontBytes(String file) {
        try (InputStream in = PdfReport.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("missing font " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A font and what its shaping can change. PDFBox shapes the text of a Latin font by its GSUB
     * features ccmp, liga and clig, in that order (fontbox's GsubWorkerForLatin); every substitution
     * of those starts from a sequence of glyphs, and a text none of whose characters maps to a glyph
     * of any such sequence is left as its characters' glyphs. {@code triggers} are those characters;
     * null when the font's shaping is not the Latin one (then the font is always used whole).
     */
    record Shaping(byte[] font, byte[] withoutGsub, Set<Integer> triggers) {
        static final List<String> LATIN_FEATURES = List.of("ccmp", "liga", "clig");

        /**
         * What {@link #of(byte[])} finds in each bundled font's GSUB table, so that a run does not parse
         * the table to find it again: Liberation Sans's ccmp composes the five tone letters, Liberation
         * Mono has no feature the Latin shaper applies. {@code PdfShapingTest} checks these against the
         * fonts.
         */
        static final Map<String, Set<Integer>> BUNDLED_TRIGGERS = Map.of(
                SANS, Set.of(0x2E5, 0x2E6, 0x2E7, 0x2E8, 0x2E9),
                SANS_BOLD, Set.of(0x2E5, 0x2E6, 0x2E7, 0x2E8, 0x2E9),
                MONO, Set.of());

        /**
         * The bundled font file's shaping, read once per JVM: its bytes, the same without their GSUB
         * table and the {@link #BUNDLED_TRIGGERS}.
         */
        static Shaping of(String file) {
            return SHAPING.computeIfAbsent(file, f -> {
                byte[] ttf = fontBytes(f);
                Set<Integer> triggers = BUNDLED_TRIGGERS.get(f);
                return triggers == null ? of(ttf) : new Shaping(ttf, withoutTable(ttf, "GSUB"), triggers);
            });
        }

        /**
         * The file to embed: the whole font, or the font without its GSUB table when {@code whole} is
         * false and it has one (a font without one is always whole, see {@link #needed}).
         */
        byte[] bytes(boolean whole) {
            return whole || withoutGsub == null ? font : withoutGsub;
        }

        /** Whether shaping could change a glyph of {@code text}. */
        boolean needed(String text) {
            if (withoutGsub == null || triggers == null) {
                return true;
            }
            if (triggers.isEmpty()) {
                return false;
            }
            // a few characters (Liberation Sans: five tone letters), each looked for in the text at once
            // (the text's code points: indexOf finds a supplementary character's surrogate pair; a
            // font's cmap maps no surrogate)
            for (int t : triggers) {
                if (text.indexOf(t) >= 0) {
                    return true;
                }
            }
            return false;
        }

        static Shaping of(byte[] ttf) {
            try (TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf))) {
                GsubData gsub = font.getGsubData();
                if (gsub == GsubData.NO_DATA_FOUND) {
                    return new Shaping(ttf, null, null);      // nothing to skip
                }
                if (gsub.getLanguage() != Language.LATIN) {
                    return new Shaping(ttf, withoutTable(ttf, "GSUB"), null);
                }
                CmapLookup cmap = font.getUnicodeCmapLookup();
                Set<Integer> triggers = new HashSet<>();
                for (String feature : LATIN_FEATURES) {
                    if (!gsub.isFeatureSupported(feature)) {
                        continue;
                    }
                    ScriptFeature f = gsub.getFeature(feature);
                    for (List<Integer> glyphs : f.getAllGlyphIdsForSubstitution()) {
                        for (int gid : glyphs) {
                            List<Integer> codes = cmap.getCharCodes(gid);
                            if (codes != null) {
                                triggers.addAll(codes);
                            }
                        }
                    }
                }
                return new Shaping(ttf, withoutTable(ttf, "GSUB"), Set.copyOf(triggers));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * The font file with one table left out of its table directory (the directory shrinks by one
         * 16-byte record, padded with zeros; every table keeps its offset); null when it has no such table.
         */
        static byte[] withoutTable(byte[] ttf, String tag) {
            ByteBuffer in = ByteBuffer.wrap(ttf);
            int tables = Short.toUnsignedInt(in.getShort(4));
            byte[] want = tag.getBytes(StandardCharsets.US_ASCII);
            int found = -1;
            for (int t = 0; t < tables; t++) {
                if (Arrays.equals(ttf, 12 + 16 * t, 12 + 16 * t + 4, want, 0, 4)) {
                    found = t;
                }
            }
            if (found < 0) {
                return null;
            }
            byte[] out = ttf.clone();
            int left = tables - 1;
            int pow = Integer.highestOneBit(Math.max(left, 1));
            ByteBuffer o = ByteBuffer.wrap(out);
            o.putShort(4, (short) left);
            o.putShort(6, (short) (pow * 16));                               // searchRange
            o.putShort(8, (short) Integer.numberOfTrailingZeros(pow));       // entrySelector
            o.putShort(10, (short) (left * 16 - pow * 16));                  // rangeShift
            int from = 12 + 16 * (found + 1);
            System.arraycopy(ttf, from, out, from - 16, 12 + 16 * tables - from);
            Arrays.fill(out, 12 + 16 * left, 12 + 16 * tables, (byte) 0);
            return out;
        }
    }
}
