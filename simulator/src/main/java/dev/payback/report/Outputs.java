package dev.payback.report;

import dev.payback.analysis.Summary;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the selected outputs of a run into an {@link OutputFolder}, which the caller publishes as a
 * whole.
 */
public final class Outputs {
    private Outputs() {
    }

    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String WORKBOOK = "business-case.xlsx";
    public static final String REPORT = "report.html";
    public static final String CHARTS_DIR = "charts";

    /** Writes the files into {@code dir} and publishes them as a whole; returns their paths. */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats)
            throws IOException {
        try (OutputFolder f = OutputFolder.open(dir)) {
            List<Path> written = write(f, r, s, formats);
            f.publish();
            return written;
        }
    }

    /** Writes the files; returns their paths in the order written, report.html last when selected. */
    public static List<Path> write(OutputFolder dir, SimulationResult r, Summary s, Set<OutputFormat> formats)
            throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains(OutputFormat.JSON)) {
            written.add(dir.write(SUMMARY_JSON, SummaryJson.toBytes(s)));
        }
        if (formats.contains(OutputFormat.CSV)) {
            written.add(dir.write(SUMMARY_CSV, out -> SummaryCsv.write(s, out)));
        }
        if (formats.contains(OutputFormat.XLSX)) {
            written.add(dir.write(WORKBOOK, out -> BusinessCaseXlsx.write(r, s, out)));
        }
        if (formats.contains(OutputFormat.CHARTS) || formats.contains(OutputFormat.HTML)) {
            List<Charts.ChartSpec> charts = Charts.all(ChartData.of(r, s));
            if (formats.contains(OutputFormat.CHARTS)) {
                for (Charts.ChartSpec c : charts) {
                    written.add(dir.write(CHARTS_DIR + "/" + c.file() + ".png", ChartImages.png(c.chart())));
                    written.add(dir.write(CHARTS_DIR + "/" + c.file() + ".svg",
                            ChartImages.svgFile(c.chart(), c.file())));
                }
            }
            if (formats.contains(OutputFormat.HTML)) {
                List<HtmlReport.Chart> inline = charts.stream().map(c -> new HtmlReport.Chart(c.file(), c.heading(),
                        c.caption(), ChartImages.svgElement(c.chart(), "chart-svg-" + c.file()), c.section())).toList();
                written.add(dir.write(REPORT, HtmlReport.render(r, s, inline)));
            }
        }
        return written;
    }
}
