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
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinTask;

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

    public static final String REPORT_PDF = "report.pdf";
    public static final String CASHFLOW_CSV = "cashflow.csv";

    /** Writes the files with the paper size of the scenario's currency. */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats)
            throws IOException {
        return write(dir, r, s, formats, PdfReport.PageSize.forCurrency(s.currency()));
    }

    /** Writes the files; returns their paths in the order written, report.html last when selected. */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize) throws IOException {
        return write(dir, r, s, formats, pageSize, WorkbookOptions.DEFAULT, StageTimes.off());
    }

    /**
     * As {@link #write(Path, SimulationResult, Summary, Set, PdfReport.PageSize)}, with the workbook's
     * options, timing each output under its format's name. Charts are rendered in parallel (in the
     * caller's fork-join pool when it runs in one, which bounds the threads), each drawn once for its
     * PNG, its SVG file and its inline SVG; files are written in a fixed order.
     */
    public static List<Path> write(Path dir, SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize, WorkbookOptions workbook, StageTimes times) throws IOException {
        List<Path> written = new ArrayList<>();
        if (formats.contains(OutputFormat.JSON)) {
            times.step("json", () -> written.add(put(dir.resolve(SUMMARY_JSON), SummaryJson.toBytes(s))));
        }
        if (formats.contains(OutputFormat.CSV)) {
            Path p = dir.resolve(SUMMARY_CSV);
            times.step("csv", () -> AtomicFiles.write(p, out -> SummaryCsv.write(s, out)));
            written.add(p);
            Path cf = dir.resolve(CASHFLOW_CSV);
            times.step("cashflow.csv", () -> {
                dev.payback.analysis.CashFlow flow = dev.payback.analysis.CashFlow.of(r, s);
                AtomicFiles.write(cf, out -> CashFlowCsv.write(flow, out));
            });
            written.add(cf);
        }
        ForkJoinTask<Void> xlsx = null;
        if (formats.contains(OutputFormat.XLSX)) {
            Path p = dir.resolve(WORKBOOK);
            Callable<Void> task = () -> {
                times.step("xlsx", () -> AtomicFiles.write(p, out -> BusinessCaseXlsx.write(r, s, workbook, out)));
                return null;
            };
            // in a pool with a spare worker, the workbook is written while the charts are drawn
            if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool().getParallelism() > 1) {
                xlsx = ForkJoinTask.adapt(task).fork();
            } else {
                call(task);
            }
            written.add(p);
        }
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
                        written.add(put(dir.resolve(CHARTS_DIR).resolve(file + ".png"), out.get(k).png()));
                        written.add(put(dir.resolve(CHARTS_DIR).resolve(file + ".svg"), out.get(k).svgFile()));
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
                    times.step("pdf", () -> written.add(put(dir.resolve(REPORT_PDF), PdfReport.render(bytes))));
                }
                if (html) {
                    written.add(put(dir.resolve(REPORT), bytes));
                }
            }
        }
        if (xlsx != null) {
            join(xlsx);
        }
        return written;
    }

    private static void call(Callable<Void> task) throws IOException {
        try {
            task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a forked output, rethrowing the IOException it failed with as such. */
    private static void join(ForkJoinTask<Void> task) throws IOException {
        try {
            task.join();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof IOException io) {
                    throw io;
                }
            }
            throw e;
        }
    }

    private static Path put(Path p, byte[] bytes) throws IOException {
        AtomicFiles.write(p, bytes);
        return p;
    }
}
