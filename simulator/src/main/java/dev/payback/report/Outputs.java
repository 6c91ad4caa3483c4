package dev.payback.report;

import dev.payback.analysis.Summary;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;

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
        return write(dir, r, s, formats, pageSize, WorkbookOptions.DEFAULT, StageTimes.off());
    }

    /**
     * As {@link #write(OutputFolder, SimulationResult, Summary, Set, PdfReport.PageSize)}, with the
     * workbook's options, timing each output under its format's name. Charts are rendered in parallel
     * (in the caller's fork-join pool when it runs in one, which bounds the threads), each drawn once
     * for its PNG, its SVG file and its inline SVG; in a pool with a spare worker the workbook is
     * built in memory while the charts are drawn. Files go into the folder from this thread, in a
     * fixed order.
     */
    public static List<Path> write(OutputFolder dir, SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize, WorkbookOptions workbook, StageTimes times) throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains(OutputFormat.JSON)) {
            times.step("json", () -> written.add(dir.write(SUMMARY_JSON, SummaryJson.toBytes(s))));
        }
        if (formats.contains(OutputFormat.CSV)) {
            times.step("csv", () -> written.add(dir.write(SUMMARY_CSV, out -> SummaryCsv.write(s, out))));
            times.step("cashflow.csv", () -> {
                dev.payback.analysis.CashFlow flow = dev.payback.analysis.CashFlow.of(r, s);
                written.add(dir.write(CASHFLOW_CSV, out -> CashFlowCsv.write(flow, out)));
            });
        }
        ForkJoinTask<byte[]> xlsx = null;
        if (formats.contains(OutputFormat.XLSX)) {
            Callable<byte[]> task = () -> times.time("xlsx", () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                BusinessCaseXlsx.write(r, s, workbook, out);
                return out.toByteArray();
            });
            xlsx = ForkJoinTask.adapt(task);
            // in a pool with a spare worker, the workbook is built while the charts are drawn
            if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool().getParallelism() > 1) {
                xlsx.fork();
            } else {
                xlsx.quietlyInvoke();
            }
        }
        List<Path> later = new ArrayList<>();
        boolean html = formats.contains(OutputFormat.HTML);
        boolean pdf = formats.contains(OutputFormat.PDF);
        if (formats.contains(OutputFormat.CHARTS) || html || pdf) {
            boolean files = formats.contains(OutputFormat.CHARTS);
            boolean page = html || pdf;
            List<Charts.ChartSpec> charts = times.time("chart data", () -> {
                ChartData data = ChartData.of(r, s);
                List<Charts.ChartSpec> all = new ArrayList<>(Charts.all(data));
                all.addAll(Charts.pilotFirst(data, s));
                return all;
            });
            List<ChartImages.Rendered> images = times.time("charts", () -> {
                List<ChartImages.Rendered> out = charts.parallelStream().map(c -> ChartImages.render(c.chart(),
                        files, files ? c.file() : null, page ? "chart-svg-" + c.file() : null)).toList();
                if (files) {
                    for (int k = 0; k < charts.size(); k++) {
                        String file = charts.get(k).file();
                        later.add(dir.write(CHARTS_DIR + "/" + file + ".png", out.get(k).png()));
                        later.add(dir.write(CHARTS_DIR + "/" + file + ".svg", out.get(k).svgFile()));
                    }
                }
                return out;
            });
            if (page) {
                List<HtmlReport.Chart> inline = new ArrayList<>();
                for (int k = 0; k < charts.size(); k++) {
                    Charts.ChartSpec c = charts.get(k);
                    inline.add(new HtmlReport.Chart(c.file(), c.heading(), c.caption(), images.get(k).svgElement(),
                            c.section()));
                }
                byte[] bytes = times.time("html", () -> HtmlReport.render(r, s, inline, pageSize));
                if (pdf) {
                    times.step("pdf", () -> later.add(dir.write(REPORT_PDF, PdfReport.render(bytes))));
                }
                if (html) {
                    later.add(dir.write(REPORT, bytes));
                }
            }
        }
        if (xlsx != null) {
            written.add(dir.write(WORKBOOK, join(xlsx)));
        }
        written.addAll(later);
        return written;
    }

    /** The result of a forked output, rethrowing the IOException it failed with as such. */
    private static byte[] join(ForkJoinTask<byte[]> task) throws IOException {
        try {
            return task.join();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw io;
                }
            }
            throw e;
        }
    }
}
