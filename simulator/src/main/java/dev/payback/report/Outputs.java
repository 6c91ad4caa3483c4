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

    public static final String REPORT_PDF = "report.pdf";
    public static final String CASHFLOW_CSV = "cashflow.csv";

    /** Writes the files with the paper size of the scenario's currency into {@code dir}, as a whole. */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats)
            throws IOException {
        return write(dir, r, s, formats, PdfReport.PageSize.forCurrency(s.currency()));
    }

    /** Writes the files into {@code dir} and publishes them as a whole; returns their paths. */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize) throws IOException {
        try (OutputFolder f = OutputFolder.open(dir)) {
            List<Path> written = write(f, r, s, formats, pageSize);
            f.publish();
            return written;
        }
    }

    /** Writes the files with the paper size of the scenario's currency. */
    public static List<Path> write(OutputFolder dir, SimulationResult r, Summary s, Set<OutputFormat> formats)
            throws IOException {
        return write(dir, r, s, formats, PdfReport.PageSize.forCurrency(s.currency()));
    }

    /** Writes the files; returns their paths in the order written, report.html last when selected. */
    public static List<Path> write(OutputFolder dir, SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize) throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains(OutputFormat.JSON)) {
            written.add(dir.write(SUMMARY_JSON, SummaryJson.toBytes(s)));
        }
        if (formats.contains(OutputFormat.CSV)) {
            written.add(dir.write(SUMMARY_CSV, out -> SummaryCsv.write(s, out)));
            dev.payback.analysis.CashFlow flow = dev.payback.analysis.CashFlow.of(r, s);
            written.add(dir.write(CASHFLOW_CSV, out -> CashFlowCsv.write(flow, out)));
        }
        if (formats.contains(OutputFormat.XLSX)) {
            written.add(dir.write(WORKBOOK, out -> BusinessCaseXlsx.write(r, s, out)));
        }
        boolean html = formats.contains(OutputFormat.HTML);
        boolean pdf = formats.contains(OutputFormat.PDF);
        if (formats.contains(OutputFormat.CHARTS) || html || pdf) {
            ChartData data = ChartData.of(r, s);
            List<Charts.ChartSpec> charts = new ArrayList<>(Charts.all(data));
            charts.addAll(Charts.pilotFirst(data, s));
            if (formats.contains(OutputFormat.CHARTS)) {
                for (Charts.ChartSpec c : charts) {
                    written.add(dir.write(CHARTS_DIR + "/" + c.file() + ".png", ChartImages.png(c.chart())));
                    written.add(dir.write(CHARTS_DIR + "/" + c.file() + ".svg",
                            ChartImages.svgFile(c.chart(), c.file())));
                }
            }
            if (html || pdf) {
                List<HtmlReport.Chart> inline = charts.stream().map(c -> new HtmlReport.Chart(c.file(), c.heading(),
                        c.caption(), ChartImages.svgElement(c.chart(), "chart-svg-" + c.file()), c.section())).toList();
                byte[] page = HtmlReport.render(r, s, inline, pageSize);
                if (pdf) {
                    written.add(dir.write(REPORT_PDF, PdfReport.render(page)));
                }
                if (html) {
                    written.add(dir.write(REPORT, page));
                }
            }
        }
        return written;
    }
}
