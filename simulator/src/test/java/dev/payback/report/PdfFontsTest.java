package dev.payback.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.pdf embeds each font file once, however many family names of the style sheet stand for it:
 * the page's text, the page footer and the charts' text are written with the same fonts.
 */
class PdfFontsTest {

    /** A page in the report's fonts: body and footer by family lists that name Liberation Sans differently. */
    private static final String PAGE = "<html><head><style>"
            + "body { font-family: -apple-system, \"Segoe UI\", Helvetica, Arial, \"Liberation Sans\", sans-serif; }"
            + "code { font-family: \"SFMono-Regular\", Consolas, \"Liberation Mono\", monospace; }"
            + "@page { size: A4; @bottom-right { content: \"page \" counter(page) \" of \" counter(pages);"
            + " font-family: \"Liberation Sans\", Helvetica, Arial, sans-serif; } }"
            + "</style></head><body><h1>Pilot first?</h1><p><strong>Orchestrate</strong> pays back within 12 months "
            + "in 72% of futures.</p><p><code>payback simulate b.yaml</code></p>"
            + "<object type='" + PdfReport.CHART_TYPE + "' data-chart='npv' style='display:block;width:320px;"
            + "height:180px'></object></body></html>";

    @Test
    void eachFontFileIsEmbeddedOnceForThePageTheFooterAndTheCharts() throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(528_000, "orchestrate", "NPV");
        JFreeChart chart = ChartFactory.createBarChart("NPV of orchestrate", "option", "NPV", data);
        byte[] pdf = PdfReport.render(PAGE.getBytes(StandardCharsets.UTF_8), Map.of("npv", chart));
        Map<String, Set<COSBase>> fonts = new TreeMap<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), fonts, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        }
        // the chart's title is bold, its axis labels regular: both in the page's own fonts
        assertThat(fonts.keySet()).containsExactly("LiberationMono", "LiberationSans", "LiberationSans-Bold");
        fonts.forEach((name, dictionaries) -> assertThat(dictionaries).as(name).hasSize(1));
    }

    /** The fonts of these resources and of the forms they hold, by name without the subset tag. */
    private static void collect(PDResources resources, Map<String, Set<COSBase>> fonts, Set<COSBase> seen)
            throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            String base = font.getName().substring(font.getName().indexOf('+') + 1);
            fonts.computeIfAbsent(base, k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                    .add(font.getCOSObject());
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, seen);
            }
        }
    }
}
