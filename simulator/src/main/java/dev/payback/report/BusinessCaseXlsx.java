package dev.payback.report;

import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * business-case.xlsx: sheets Decision (the recommendation and the headline figures in words), Summary
 * (every headline figure with its summary.json key), Options
 * (one row per option, the columns of summary.csv), Cash flow (month by month), Assumptions (each input with its sampled
 * P10/P50/P90 and the share clamped), Sensitivity (each option's tornado and Spearman per input, then
 * the EVPI and each input's EVPPI, every row with its summary.json key) and, only when asked for
 * ({@link WorkbookOptions#trials()}, {@code --workbook-trials}), Trials (the first {@link #MAX_TRIAL_ROWS}
 * trials). Written with a streaming workbook so memory stays bounded whatever the trial count. The
 * bytes depend only on the run: the package's creation date is left out and every zip entry carries
 * the same fixed time.
 */
public final class BusinessCaseXlsx {
    private BusinessCaseXlsx() {
    }

    /** At most this many trials go to the Trials sheet. */
    public static final int MAX_TRIAL_ROWS = 100_000;

    /** One row of the Summary sheet: a figure, its value and where summary.json holds it. */
    public record Figure(String name, Object value, Headlines.Kind kind, String jsonPointer) {
    }

    /** The rows of the Summary sheet. */
    public static List<Figure> figures(Summary s) {
        List<Figure> f = new ArrayList<>();
        f.add(new Figure("Scenario", s.scenario(), Headlines.Kind.TEXT, "/scenario"));
        // which run this is (empty for the base case): the stress preset, then each --set
        f.add(new Figure("Stress preset", s.overrides().stress(), Headlines.Kind.TEXT, "/overrides/stress"));
        for (int k = 0; k < s.overrides().sets().size(); k++) {
            f.add(new Figure("--set override", s.overrides().sets().get(k), Headlines.Kind.TEXT,
                    "/overrides/set/" + k));
        }
        f.add(new Figure("Trials", s.trials(), Headlines.Kind.NUMBER, "/trials"));
        f.add(new Figure("Seed", s.seed(), Headlines.Kind.NUMBER, "/seed"));
        f.add(new Figure("Currency", s.currency(), Headlines.Kind.TEXT, "/currency"));
        f.add(new Figure("Horizon (months)", s.horizonMonths(), Headlines.Kind.NUMBER, "/horizon_months"));
        stats(f, "Annualized pain", s.annualizedPain(), Headlines.Kind.MONEY, "/annualized_pain");
        stats(f, "Pain share of revenue", s.painShareOfRevenue(), Headlines.Kind.SHARE, "/pain_share_of_revenue");
        stats(f, "Pain in full-time equivalents", s.painFte(), Headlines.Kind.NUMBER, "/pain_fte");
        stats(f, "Year-one revenue", s.revenue(), Headlines.Kind.MONEY, "/revenue");
        Summary.Thresholds t = s.thresholds();
        share(f, "P(pain share >= 1.5%)", t.painShareGe1_5pct(), "/thresholds/pain_share_ge_1_5pct");
        share(f, "P(pain share >= 3%)", t.painShareGe3pct(), "/thresholds/pain_share_ge_3pct");
        share(f, "P(pain share >= 5%)", t.painShareGe5pct(), "/thresholds/pain_share_ge_5pct");
        share(f, "P(FTE >= 1)", t.fteGe1(), "/thresholds/fte_ge_1");
        share(f, "P(FTE >= 2)", t.fteGe2(), "/thresholds/fte_ge_2");
        share(f, "P(exception rate >= 10%)", t.exceptionRateGe10pct(), "/thresholds/exception_rate_ge_10pct");
        share(f, "P(exception rate >= 15%)", t.exceptionRateGe15pct(), "/thresholds/exception_rate_ge_15pct");
        share(f, "P(inventory accuracy < 95%)", t.inventoryAccuracyLt95pct(),
                "/thresholds/inventory_accuracy_lt_95pct");
        share(f, "P(reconciliation >= 10% of a week)", t.reconciliationGe10pctOfWeek(),
                "/thresholds/reconciliation_ge_10pct_of_week");
        for (Summary.OptionSummary o : s.options()) {
            String p = "/options/" + o.id();
            String n = o.id() + ": ";
            stats(f, n + "NPV", o.npv(), Headlines.Kind.MONEY, p + "/npv");
            stats(f, n + "first-year cost", o.firstYearCost(), Headlines.Kind.MONEY, p + "/first_year_cost");
            stats(f, n + "one-time cost (quote)", o.oneTimeCost(), Headlines.Kind.MONEY, p + "/one_time_cost");
            if (o.roi() != null) {
                stats(f, n + "ROI", o.roi(), Headlines.Kind.SHARE, p + "/roi");
            }
            for (int m : OptionColumns.CHECKPOINTS) {
                share(f, n + "P(payback within " + RecommendationText.within(m) + ")", o.paybackProbability().get(m),
                        p + "/payback_probability/" + m);
            }
            for (int m : OptionColumns.CHECKPOINTS) {
                double max = o.maxOneTimeCost().get(m);
                String name = n + "max one-time cost for payback within " + RecommendationText.within(m);
                if (max < 0) {
                    f.add(new Figure(name, "none: no payback within " + RecommendationText.within(m) + " even if free",
                            Headlines.Kind.TEXT, p + "/max_one_time_cost/" + m));
                } else {
                    money(f, name, max, p + "/max_one_time_cost/" + m);
                }
            }
            share(f, n + "P(year-one benefit > first-year cost)", o.pYearOneBenefitExceedsFirstYearCost(),
                    p + "/p_year_one_benefit_exceeds_first_year_cost");
            share(f, n + "payback confidence", o.paybackConfidence(), p + "/payback_confidence");
            share(f, n + "P(no payback within horizon)", o.pNoPayback(), p + "/p_no_payback");
            share(f, n + "P(NPV < 0)", o.pNpvNegative(), p + "/p_npv_negative");
            share(f, n + "P(pain > first-year cost)", o.pPainExceedsFirstYearCost(),
                    p + "/p_pain_exceeds_first_year_cost");
        }
        for (Map.Entry<String, Double> e : s.pBest().entrySet()) {
            share(f, "P(best): " + e.getKey(), e.getValue(), "/p_best/" + e.getKey());
        }
        Summary.Decision d = s.decision();
        stats(f, "Decision-matrix score", d.score(), Headlines.Kind.NUMBER, "/decision/score");
        share(f, "P(verdict operate)", d.pOperate(), "/decision/verdict_probability/operate");
        share(f, "P(verdict pilot)", d.pPilot(), "/decision/verdict_probability/pilot");
        share(f, "P(verdict orchestrate)", d.pOrchestrate(), "/decision/verdict_probability/orchestrate");
        f.add(new Figure("Verdict", d.verdict(), Headlines.Kind.TEXT, "/decision/verdict"));
        return f;
    }

    private static void stats(List<Figure> f, String name, Stats st, Headlines.Kind kind, String pointer) {
        f.add(new Figure(name + " mean", Headlines.finite(st.mean()), kind, pointer + "/mean"));
        f.add(new Figure(name + " P10", Headlines.finite(st.p10()), kind, pointer + "/p10"));
        f.add(new Figure(name + " P50", Headlines.finite(st.p50()), kind, pointer + "/p50"));
        f.add(new Figure(name + " P90", Headlines.finite(st.p90()), kind, pointer + "/p90"));
    }

    private static void share(List<Figure> f, String name, double v, String pointer) {
        f.add(new Figure(name, Headlines.finite(v), Headlines.Kind.SHARE, pointer));
    }

    private static void money(List<Figure> f, String name, double v, String pointer) {
        f.add(new Figure(name, Headlines.finite(v), Headlines.Kind.MONEY, pointer));
    }

    /** Writes the default workbook (no Trials sheet). */
    public static void write(SimulationResult r, Summary s, OutputStream out) throws IOException {
        write(r, s, WorkbookOptions.DEFAULT, out);
    }

    /** Writes the workbook with the given options. */
    public static void write(SimulationResult r, Summary s, WorkbookOptions options, OutputStream out)
            throws IOException {
        write(r, s, dev.payback.analysis.CashFlow.of(r, s), options, out);
    }

    /** Writes the workbook with the given options and the run's cash flow (computed once for every output). */
    public static void write(SimulationResult r, Summary s, dev.payback.analysis.CashFlow flow, WorkbookOptions options,
            OutputStream out) throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try {
            // POI stamps the package with the time of writing; leave it out so that identical runs give
            // identical bytes (the zip entries already carry a fixed time)
            wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreated(Optional.empty());
            Styles st = new Styles(wb, s.currency());
            DecisionSheet.write(wb, s);
            summarySheet(wb, st, s);
            optionsSheet(wb, st, s);
            DecisionSheet.cashFlow(wb, s, flow);
            assumptionsSheet(wb, st, s, r);
            if (s.sensitivity() != null) {
                sensitivitySheet(wb, st, s);
            }
            if (options.trials()) {
                trialsSheet(wb, st, r);
            }
            trackingPlanSheet(wb, st, s);
            if (VendorComparison.applies(s)) {
                vendorsSheet(wb, st, s);
            }
            for (int k = 0; k < wb.getNumberOfSheets(); k++) {
                Sheet sheet = wb.getSheetAt(k);
                if (!sheet.getSheetName().equals(DecisionSheet.NAME)) {
                    DecisionSheet.printSetup(sheet, !sheet.getSheetName().equals("Summary"));
                }
            }
            wb.setActiveSheet(0);
            wb.setFirstVisibleTab(0);
            wb.write(out);
        } finally {
            wb.close(); // also deletes the temporary sheet files (close() calls the deprecated dispose())
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle money;
        final CellStyle share;
        final CellStyle number;
        final CellStyle cents;

        Styles(SXSSFWorkbook wb, String currency) {
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            money = wb.createCellStyle();
            String prefix = Money.prefix(currency).replace("\"", "");
            money.setDataFormat(wb.createDataFormat().getFormat("\"" + prefix + "\"#,##0;-\"" + prefix + "\"#,##0"));
            share = wb.createCellStyle();
            share.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            number = wb.createCellStyle();
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0.##"));
            cents = wb.createCellStyle();
            cents.setDataFormat(wb.createDataFormat().getFormat("\"" + prefix + "\"#,##0.00;-\"" + prefix + "\"#,##0.00"));
        }

        CellStyle of(Headlines.Kind k) {
            return switch (k) {
                case MONEY -> money;
                case SHARE -> share;
                case NUMBER -> number;
                case TEXT -> null;
            };
        }
    }

    private static void header(Sheet sheet, Styles st, String... names) {
        Row row = sheet.createRow(0);
        for (int k = 0; k < names.length; k++) {
            Cell c = row.createCell(k);
            c.setCellValue(names[k]);
            c.setCellStyle(st.header);
        }
        sheet.createFreezePane(0, 1);
    }

    private static void set(Row row, int col, Object v, CellStyle style) {
        if (v == null) {
            return;
        }
        Cell c = row.createCell(col);
        if (v instanceof Number num) {
            c.setCellValue(num.doubleValue());
            if (style != null) {
                c.setCellStyle(style);
            }
        } else {
            c.setCellValue(v.toString());
        }
    }

    private static void summarySheet(SXSSFWorkbook wb, Styles st, Summary s) {
        SXSSFSheet sheet = wb.createSheet("Summary");
        sheet.setColumnWidth(0, 60 * 256);
        sheet.setColumnWidth(1, 18 * 256);
        sheet.setColumnWidth(2, 50 * 256);
        header(sheet, st, "Figure", "Value", "summary.json key");
        int i = 1;
        for (Figure f : figures(s)) {
            Row row = sheet.createRow(i++);
            set(row, 0, f.name(), null);
            set(row, 1, f.value(), st.of(f.kind()));
            set(row, 2, f.jsonPointer(), null);
        }
    }

    private static void optionsSheet(SXSSFWorkbook wb, Styles st, Summary s) {
        SXSSFSheet sheet = wb.createSheet("Options");
        List<Headlines.Column> cols = Headlines.columns();
        header(sheet, st, cols.stream().map(c -> DecisionSheet.words(c.header())).toArray(String[]::new));
        DecisionSheet.keyComments(wb, sheet, cols.stream().map(Headlines.Column::header).toList());
        int i = 1;
        for (Summary.OptionSummary o : s.options()) {
            Row row = sheet.createRow(i++);
            Headlines.Row in = new Headlines.Row(s, o);
            for (int k = 0; k < cols.size(); k++) {
                set(row, k, cols.get(k).value().apply(in), st.of(cols.get(k).kind()));
            }
        }
        for (int k = 0; k < cols.size(); k++) {
            sheet.setColumnWidth(k, 20 * 256);
        }
    }

    private static void assumptionsSheet(SXSSFWorkbook wb, Styles st, Summary s, SimulationResult r) {
        SXSSFSheet sheet = wb.createSheet("Assumptions");
        header(sheet, st, "Input", "Assumed", "P10", "Median", "P90", "Share of futures clamped", "Scenario path",
                "As written in the scenario");
        sheet.setColumnWidth(0, 40 * 256);
        sheet.setColumnWidth(1, 50 * 256);
        sheet.setColumnWidth(5, 14 * 256);
        sheet.setColumnWidth(6, 45 * 256);
        sheet.setColumnWidth(7, 40 * 256);
        int i = 1;
        for (Summary.InputSummary in : s.inputs()) {
            Row row = sheet.createRow(i++);
            dev.payback.scenario.Input spec = r.scenario().input(in.path());
            set(row, 0, InputWords.name(in.path()), null);
            set(row, 1, spec == null ? in.notation() : InputWords.describe(spec), null);
            set(row, 2, Headlines.finite(in.p10()), st.number);
            set(row, 3, Headlines.finite(in.p50()), st.number);
            set(row, 4, Headlines.finite(in.p90()), st.number);
            set(row, 5, Headlines.finite(in.clampedShare()), st.share);
            set(row, 6, in.path(), null);
            set(row, 7, in.notation(), null);
        }
    }

    /** Header of the Sensitivity sheet's tornado table. */
    public static final List<String> SENSITIVITY_HEADER = List.of("option", "input", "input in plain English",
            "spearman", "tornado_low", "tornado_high", "swing", "summary.json key");
    /** Header of its value-of-information table. */
    public static final List<String> VOI_HEADER = List.of("value of information", "input", "input in plain English",
            "evppi", "worth measuring", "", "", "summary.json key");

    private static void sensitivitySheet(SXSSFWorkbook wb, Styles st, Summary s) {
        SXSSFSheet sheet = wb.createSheet("Sensitivity");
        header(sheet, st, SENSITIVITY_HEADER.toArray(String[]::new));
        sheet.setColumnWidth(1, 45 * 256);
        sheet.setColumnWidth(2, 45 * 256);
        sheet.setColumnWidth(7, 45 * 256);
        for (int k = 3; k < 7; k++) {
            sheet.setColumnWidth(k, 16 * 256);
        }
        int i = 1;
        for (Summary.OptionSummary o : s.options()) {
            List<dev.payback.analysis.Sensitivity.Entry> es = s.sensitivity().forOption(o.id());
            for (int k = 0; k < es.size(); k++) {
                dev.payback.analysis.Sensitivity.Entry e = es.get(k);
                Row row = sheet.createRow(i++);
                set(row, 0, o.id(), null);
                set(row, 1, e.input(), null);
                set(row, 2, InputWords.plainName(e.input()), null);
                set(row, 3, Headlines.finite(e.spearman()), st.number);
                set(row, 4, Headlines.finite(e.tornadoLow()), st.money);
                set(row, 5, Headlines.finite(e.tornadoHigh()), st.money);
                set(row, 6, Headlines.finite(e.swing()), st.money);
                set(row, 7, "/options/" + o.id() + "/sensitivity/" + k, null);
            }
        }
        i++;
        Row head = sheet.createRow(i++);
        for (int k = 0; k < VOI_HEADER.size(); k++) {
            Cell c = head.createCell(k);
            c.setCellValue(VOI_HEADER.get(k));
            c.setCellStyle(st.header);
        }
        Row evpi = sheet.createRow(i++);
        set(evpi, 0, "EVPI (every input known)", null);
        set(evpi, 3, Headlines.finite(s.sensitivity().evpi()), st.money);
        set(evpi, 7, "/value_of_information/evpi", null);
        double bar = SensitivityText.measureThreshold(s);
        Row rule = sheet.createRow(i++);
        set(rule, 0, "worth measuring above (" + Money.percent(SensitivityText.MEASURE_SHARE)
                + " of the smallest median first-year cost)", null);
        set(rule, 3, Headlines.finite(bar), st.money);
        List<dev.payback.analysis.Sensitivity.Evppi> ev = s.sensitivity().evppi();
        for (int k = 0; k < ev.size(); k++) {
            Row row = sheet.createRow(i++);
            set(row, 0, "EVPPI", null);
            set(row, 1, ev.get(k).input(), null);
            set(row, 2, InputWords.plainName(ev.get(k).input()), null);
            set(row, 3, Headlines.finite(ev.get(k).evppi()), st.money);
            set(row, 4, SensitivityText.worthMeasuring(ev.get(k).evppi(), bar) ? "yes" : "no", null);
            set(row, 7, "/value_of_information/per_input/" + k, null);
        }
    }

    private static void trialsSheet(SXSSFWorkbook wb, Styles st, SimulationResult r) {
        SXSSFSheet sheet = wb.createSheet("Trials");
        List<String> names = new ArrayList<>(List.of("trial", "annualized_pain", "revenue", "pain_share_of_revenue",
                "pain_fte", "decision_score", "best"));
        List<dev.payback.scenario.Strategy> strategies = r.scenario().strategies();
        for (var o : strategies) {
            String p = o.id() + ".";
            names.addAll(List.of(p + "npv", p + "first_year_cost", p + "cumulative_net_3", p + "cumulative_net_6",
                    p + "cumulative_net_12", p + "payback_month", p + "failed"));
        }
        header(sheet, st, names.toArray(String[]::new));
        TrialColumns c = r.columns();
        int rows = Math.min(MAX_TRIAL_ROWS, c.rows());
        for (int i = 0; i < rows; i++) {
            Row row = sheet.createRow(i + 1);
            int j = 0;
            row.createCell(j++).setCellValue(i + 1);
            num(row, j++, c.annualPain().get(i));
            num(row, j++, c.revenue().get(i));
            num(row, j++, c.painShare().get(i));
            num(row, j++, c.painFte().get(i));
            row.createCell(j++).setCellValue(c.score(i));
            row.createCell(j++).setCellValue(c.best(i) == 0 ? "status_quo"
                    : strategies.get(c.best(i) - 1).id());
            for (int so = 0; so < c.strategyCount(); so++) {
                OptionColumns oc = c.option(so);
                num(row, j++, oc.npv().get(i));
                num(row, j++, oc.firstYearCost().get(i));
                num(row, j++, oc.cumulativeNet(0).get(i));
                num(row, j++, oc.cumulativeNet(1).get(i));
                num(row, j++, oc.cumulativeNet(2).get(i));
                if (oc.paybackMonth(i) != 0) {
                    row.createCell(j).setCellValue(oc.paybackMonth(i));
                }
                j++;
                row.createCell(j++).setCellValue(oc.failed(i));
            }
        }
    }

    /** Header of the Tracking plan sheet. */
    public static final List<String> TRACKING_HEADER = List.of("option", "KPI", "checkpoint (months)",
            "doing nothing, median", "projected P10", "projected median", "projected P90", "on track at or below",
            "in plain words", "summary.json key (projection)", "summary.json key (checklist)");

    /** One row per option, KPI and checkpoint (docs/model.md section 8). */
    private static void trackingPlanSheet(SXSSFWorkbook wb, Styles st, Summary s) {
        if (s.kpis().isEmpty()) {
            return;
        }
        SXSSFSheet sheet = wb.createSheet("Tracking plan");
        header(sheet, st, TRACKING_HEADER.toArray(String[]::new));
        sheet.setColumnWidth(1, 45 * 256);
        sheet.setColumnWidth(8, 90 * 256);
        sheet.setColumnWidth(9, 45 * 256);
        sheet.setColumnWidth(10, 45 * 256);
        for (int k = 3; k < 8; k++) {
            sheet.setColumnWidth(k, 16 * 256);
        }
        Summary.KpiTrack today = s.kpiTrack(dev.payback.analysis.KpiTracks.STATUS_QUO);
        int i = 1;
        for (Summary.OptionSummary o : s.options()) {
            Summary.KpiTrack t = s.kpiTrack(o.id());
            for (TrackingPlan.Kpi kpi : TrackingPlan.KPIS) {
                for (int m : t.stats().keySet()) {
                    Stats p = t.stats().get(m).get(kpi.key());
                    double check = t.checklist().get(m).get(kpi.key());
                    CellStyle style = kpiStyle(st, kpi);
                    Row row = sheet.createRow(i++);
                    set(row, 0, o.id(), null);
                    set(row, 1, kpi.name(), null);
                    set(row, 2, m, null);
                    set(row, 3, Headlines.finite(today.stats().get(m).get(kpi.key()).p50()), style);
                    set(row, 4, Headlines.finite(p.p10()), style);
                    set(row, 5, Headlines.finite(p.p50()), style);
                    set(row, 6, Headlines.finite(p.p90()), style);
                    set(row, 7, Headlines.finite(check), style);
                    set(row, 8, TrackingPlan.sentence(kpi, m, check, s.currency()), null);
                    set(row, 9, "/kpis/" + o.id() + "/" + m + "/" + kpi.key(), null);
                    set(row, 10, "/kpi_checklist/" + o.id() + "/" + m + "/" + kpi.key(), null);
                }
            }
        }
    }

    private static CellStyle kpiStyle(Styles st, TrackingPlan.Kpi kpi) {
        return switch (kpi.fmt()) {
            case "pct1", "pct2" -> st.share;
            case "cents" -> st.cents;
            default -> st.money;
        };
    }

    /** Header of the Vendors sheet. */
    public static final List<String> VENDORS_HEADER = List.of("option", "label", "scorecard score", "NPV median",
            "NPV P10", "P(payback within 12 months)", "max one-time cost for 12-month payback", "quote (one-time cost median)",
            "P(best)", "summary.json key");

    /** One row per option with a scorecard (docs/model.md section 9), then the sentence and the weights. */
    private static void vendorsSheet(SXSSFWorkbook wb, Styles st, Summary s) {
        SXSSFSheet sheet = wb.createSheet("Vendors");
        header(sheet, st, VENDORS_HEADER.toArray(String[]::new));
        sheet.setColumnWidth(1, 50 * 256);
        for (int k = 2; k < 9; k++) {
            sheet.setColumnWidth(k, 18 * 256);
        }
        sheet.setColumnWidth(9, 30 * 256);
        int i = 1;
        for (Summary.OptionSummary o : VendorComparison.scored(s)) {
            Row row = sheet.createRow(i++);
            set(row, 0, o.id(), null);
            set(row, 1, o.label(), null);
            set(row, 2, Headlines.finite(o.scorecardScore()), st.number);
            set(row, 3, Headlines.finite(o.npv().p50()), st.money);
            set(row, 4, Headlines.finite(o.npv().p10()), st.money);
            set(row, 5, Headlines.finite(o.paybackProbability().get(12)), st.share);
            set(row, 6, Headlines.finite(o.maxOneTimeCost().get(12)), st.money);
            set(row, 7, Headlines.finite(o.oneTimeCost().p50()), st.money);
            set(row, 8, Headlines.finite(s.pBest().get(o.id())), st.share);
            set(row, 9, "/options/" + o.id(), null);
        }
        i++;
        set(sheet.createRow(i++), 0, VendorComparison.sentence(s), null);
        i++;
        for (Map.Entry<String, Double> w : s.scorecardWeights().entrySet()) {
            Row row = sheet.createRow(i++);
            set(row, 0, "weight: " + w.getKey(), null);
            set(row, 2, w.getValue(), st.number);
            set(row, 9, "/scorecard_weights/" + w.getKey(), null);
        }
    }

    private static void num(Row row, int col, double v) {
        if (Double.isFinite(v)) {
            row.createCell(col).setCellValue(v);
        }
    }
}
