package dev.payback.report;

import dev.payback.analysis.CashFlow;
import dev.payback.analysis.PathPercentiles;
import dev.payback.analysis.Summary;
import dev.payback.engine.SimulationResult;
import dev.payback.report.charts.ChartData;
import dev.payback.report.charts.ChartImages;
import dev.payback.report.charts.Charts;
import org.jfree.chart.JFreeChart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicReference;

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

    /**
     * Whether any of these outputs draws on the run's monthly paths: every output but summary.json does
     * (the fan charts, report.html's and report.pdf's quarters, the cash flow of cashflow.csv and the
     * workbook).
     */
    public static boolean readMonthlyPaths(Set<OutputFormat> formats) {
        return formats.stream().anyMatch(f -> f != OutputFormat.JSON);
    }

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
     * workbook's options, timing each output under its format's name; see
     * {@link #write(OutputFolder, AtomicReference, Summary, Set, PdfReport.PageSize, WorkbookOptions, StageTimes)}.
     */
    public static List<Path> write(OutputFolder dir, SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize, WorkbookOptions workbook, StageTimes times) throws IOException {
        return write(dir, new AtomicReference<>(r), s, formats, pageSize, workbook, times);
    }

    /**
     * What the outputs draw from the monthly paths, computed before they are let go (null where not
     * selected): the chart data (none when no chart is drawn), the charts drawn from it, report.html's
     * figures and the cash flow.
     */
    private record FromPaths(ChartData data, List<Charts.ChartSpec> charts, HtmlReport.PathFigures page,
            CashFlow flow) {
    }

    /**
     * The rendered charts (in the order of {@link FromPaths#charts()}; none when neither the chart files
     * nor report.html are asked for) and report.html.
     */
    private record Prepared(List<ChartImages.Rendered> images, byte[] page) {
    }

    /**
     * The chart data, report.html's figures and the cash flow: everything that reads the monthly paths.
     * The percentiles of the paths are computed once, in parallel in the caller's pool
     * ({@link PathPercentiles}), and each of the three reads its figures from them.
     */
    private static FromPaths fromPaths(SimulationResult r, Summary s, Set<OutputFormat> formats, StageTimes times) {
        boolean html = formats.contains(OutputFormat.HTML);
        boolean pdf = formats.contains(OutputFormat.PDF);
        boolean files = formats.contains(OutputFormat.CHARTS);
        boolean flowWanted = formats.contains(OutputFormat.CSV) || formats.contains(OutputFormat.XLSX);
        if (!readMonthlyPaths(formats)) {
            return new FromPaths(null, List.of(), null, null);
        }
        PathPercentiles percentiles = times.time("path percentiles", () -> PathPercentiles.of(r));
        CashFlow flow = flowWanted ? times.time("cash flow", () -> CashFlow.of(percentiles, s)) : null;
        ChartData data = null;
        List<Charts.ChartSpec> charts = List.of();
        HtmlReport.PathFigures page = null;
        if (files || html || pdf) {
            data = times.time("chart data", () -> ChartData.of(r, s, percentiles));
            charts = charts(data, s);
            if (html || pdf) {
                page = HtmlReport.PathFigures.of(percentiles, s);
            }
        }
        return new FromPaths(data, charts, page, flow);
    }

    /** Every chart of the report, in report order, drawn anew from the chart data. */
    private static List<Charts.ChartSpec> charts(ChartData data, Summary s) {
        List<Charts.ChartSpec> all = new ArrayList<>(Charts.all(data));
        all.addAll(Charts.pilotFirst(data, s));
        return all;
    }

    /** The charts as report.html lists them, each with its inline SVG when {@code svg} is given. */
    private static List<HtmlReport.Chart> shown(List<Charts.ChartSpec> specs, List<ChartImages.Rendered> svg) {
        List<HtmlReport.Chart> shown = new ArrayList<>();
        for (int k = 0; k < specs.size(); k++) {
            Charts.ChartSpec c = specs.get(k);
            shown.add(new HtmlReport.Chart(c.file(), c.heading(), c.caption(),
                    svg == null ? null : svg.get(k).svgElement(), c.section()));
        }
        return shown;
    }

    /**
     * Writes the outputs of the run that {@code run} holds. First every figure drawn from the run's
     * monthly paths is computed: the chart data (the fan), the cash flow (once for cashflow.csv and
     * the workbook) and report.html's quarters; then {@code run} is set to the same run
     * {@link SimulationResult#withoutPaths() without them} (a caller that hands its run over this way
     * lets them be collected before the charts are drawn; the run it held is not changed). Then
     * report.pdf, the longest output, is laid out on another worker of the caller's fork-join pool
     * (when it runs in one with a spare worker; the pool bounds the threads), drawing its own
     * instances of the charts into it, while this thread reads part of the font data the PDF asks
     * for ({@link PdfReport#loadFontData()}, "pdf fonts" in the timings) and renders the charts (each
     * drawn once for its PNG, its SVG file and its inline SVG; in parallel when a worker is free),
     * report.html, summary.json, summary.csv, cashflow.csv and the workbook. The files go into the folder from
     * this thread at the end, always in the same order.
     */
    public static List<Path> write(OutputFolder dir, AtomicReference<SimulationResult> run, Summary s,
            Set<OutputFormat> formats, PdfReport.PageSize pageSize, WorkbookOptions workbook, StageTimes times)
            throws IOException {
        FromPaths fromPaths = fromPaths(run.get(), s, formats, times);
        run.set(run.get().withoutPaths());
        SimulationResult r = run.get();
        ForkJoinTask<byte[]> pdf = formats.contains(OutputFormat.PDF) ? pdf(r, s, pageSize, fromPaths, times) : null;
        if (pdf != null && !pdf.isDone()) {
            // report.pdf is laid out on another worker: this one reads part of the font data it asks for
            times.step("pdf fonts", PdfReport::loadFontData);
        }
        Prepared prepared = prepare(r, s, formats, pageSize, fromPaths, times);
        byte[] json = null;
        byte[] csv = null;
        byte[] cashflow = null;
        byte[] xlsx = null;
        if (formats.contains(OutputFormat.JSON)) {
            json = times.time("json", () -> SummaryJson.toBytes(s));
        }
        CashFlow flow = fromPaths.flow();
        if (formats.contains(OutputFormat.CSV)) {
            csv = times.time("csv", () -> bytes(out -> SummaryCsv.write(s, out)));
            cashflow = times.time("cashflow.csv", () -> bytes(out -> CashFlowCsv.write(flow, out)));
        }
        if (formats.contains(OutputFormat.XLSX)) {
            xlsx = times.time("xlsx", () -> bytes(out -> BusinessCaseXlsx.write(r, s, flow, workbook, out)));
        }
        byte[] pdfBytes = pdf == null ? null : join(pdf);
        // the files, in the order every run writes them
        List<Path> written = new ArrayList<>();
        List<Path> later = new ArrayList<>();
        if (json != null) {
            written.add(dir.write(SUMMARY_JSON, json));
        }
        if (csv != null) {
            written.add(dir.write(SUMMARY_CSV, csv));
            written.add(dir.write(CASHFLOW_CSV, cashflow));
        }
        if (formats.contains(OutputFormat.CHARTS)) {
            for (int k = 0; k < fromPaths.charts().size(); k++) {
                String file = fromPaths.charts().get(k).file();
                later.add(dir.write(CHARTS_DIR + "/" + file + ".png", prepared.images().get(k).png()));
                later.add(dir.write(CHARTS_DIR + "/" + file + ".svg", prepared.images().get(k).svgFile()));
            }
        }
        if (pdfBytes != null) {
            later.add(dir.write(REPORT_PDF, pdfBytes));
        }
        if (formats.contains(OutputFormat.HTML)) {
            later.add(dir.write(REPORT, prepared.page()));
        }
        if (xlsx != null) {
            written.add(dir.write(WORKBOOK, xlsx));
        }
        written.addAll(later);
        return written;
    }

    /**
     * report.pdf, as a task: forked at once when the caller's pool has a spare worker (the PDF is then
     * laid out while this thread renders the charts and makes the other files), otherwise run here,
     * before them. It draws its own instances of the charts, made anew from the same chart data, because
     * the charts' files are drawn meanwhile from the others (a JFreeChart is not thread-safe).
     */
    private static ForkJoinTask<byte[]> pdf(SimulationResult r, Summary s, PdfReport.PageSize pageSize,
            FromPaths fromPaths, StageTimes times) {
        List<Charts.ChartSpec> specs = charts(fromPaths.data(), s);
        Map<String, JFreeChart> drawn = new HashMap<>();
        for (Charts.ChartSpec c : specs) {
            drawn.put(c.file(), c.chart());
        }
        List<HtmlReport.Chart> shown = shown(specs, null);
        ForkJoinTask<byte[]> task = ForkJoinTask.adapt(() -> times.time("pdf", () -> PdfReport.render(
                HtmlReport.renderForPdf(r, s, shown, pageSize, fromPaths.page()), drawn)));
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool().getParallelism() > 1) {
            task.fork();
        } else {
            task.quietlyInvoke();
        }
        return task;
    }

    /** The charts and report.html, from a run that may no longer hold its paths. */
    private static Prepared prepare(SimulationResult r, Summary s, Set<OutputFormat> formats,
            PdfReport.PageSize pageSize, FromPaths fromPaths, StageTimes times) {
        boolean html = formats.contains(OutputFormat.HTML);
        boolean files = formats.contains(OutputFormat.CHARTS);
        List<ChartImages.Rendered> images = List.of();
        byte[] page = null;
        List<Charts.ChartSpec> specs = fromPaths.charts();
        if (files || html) {
            images = times.time("charts", () -> specs.parallelStream().map(c -> ChartImages.render(c.chart(),
                    files, files ? c.file() : null, html ? "chart-svg-" + c.file() : null)).toList());
        }
        if (html) {
            List<ChartImages.Rendered> svg = images;
            page = times.time("html", () -> HtmlReport.render(r, s, shown(specs, svg), pageSize, fromPaths.page()));
        }
        return new Prepared(images, page);
    }

    /** What a writer writes, as bytes. */
    private static byte[] bytes(AtomicFiles.Content content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        content.writeTo(out);
        return out.toByteArray();
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
