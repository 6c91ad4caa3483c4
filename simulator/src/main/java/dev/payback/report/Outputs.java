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
 * Writes the selected outputs of a run into a folder, each file atomically ({@link AtomicFiles}).
 * Only the files named here are written; nothing else in the folder is touched.
 */
public final class Outputs {
    private Outputs() {
    }

    public static final String SUMMARY_JSON = "summary.json";
    public static final String SUMMARY_CSV = "summary.csv";
    public static final String WORKBOOK = "business-case.xlsx";
    public static final String REPORT = "report.html";
    public static final String CHARTS_DIR = "charts";

    /** Writes the files; returns their paths in the order written, report.html last when selected. */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats)
            throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains(OutputFormat.JSON)) {
            written.add(put(dir.resolve(SUMMARY_JSON), SummaryJson.toBytes(s)));
        }
        if (formats.contains(OutputFormat.CSV)) {
            Path p = dir.resolve(SUMMARY_CSV);
            AtomicFiles.write(p, out -> SummaryCsv.write(s, out));
            written.add(p);
        }
        if (formats.contains(OutputFormat.XLSX)) {
            Path p = dir.resolve(WORKBOOK);
            AtomicFiles.write(p, out -> BusinessCaseXlsx.write(r, s, out));
            written.add(p);
        }
        if (formats.contains(OutputFormat.CHARTS) || formats.contains(OutputFormat.HTML)) {
            ChartData data = ChartData.of(r, s);
            List<Charts.ChartSpec> charts = new ArrayList<>(Charts.all(data));
            charts.addAll(Charts.pilotFirst(data, s));
            if (formats.contains(OutputFormat.CHARTS)) {
                for (Charts.ChartSpec c : charts) {
                    written.add(put(dir.resolve(CHARTS_DIR).resolve(c.file() + ".png"), ChartImages.png(c.chart())));
                    written.add(put(dir.resolve(CHARTS_DIR).resolve(c.file() + ".svg"),
                            ChartImages.svgFile(c.chart(), c.file())));
                }
            }
            if (formats.contains(OutputFormat.HTML)) {
                List<HtmlReport.Chart> inline = charts.stream().map(c -> new HtmlReport.Chart(c.file(), c.heading(),
                        c.caption(), ChartImages.svgElement(c.chart(), "chart-svg-" + c.file()), c.section())).toList();
                written.add(put(dir.resolve(REPORT), HtmlReport.render(r, s, inline)));
            }
        }
        return written;
    }

    private static Path put(Path p, byte[] bytes) throws IOException {
        AtomicFiles.write(p, bytes);
        return p;
    }
}
