package dev.payback.report;

import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * business-case.xlsx: sheets Decision (the recommendation and the headline figures in words), Summary
 * (every headline figure with its summary.json key), Options
 * (one row per option, the columns of summary.csv), Cash flow (month by month), Assumptions (each input with its sampled
 * P10/P50/P90 and the share clamped), Sensitivity (each option's tornado and Spearman per input, then
 * the EVPI and each input's EVPPI, every row with its summary.json key) and, only when asked for
 * ({@link WorkbookOptions#trials()}, {@code --workbook-trials}), Trials (the first {@link #MAX_TRIAL_ROWS}
 * trials). Written with fastexcel, sheet by sheet: each sheet goes to the output when it is finished,
 * the Trials sheet a chunk of rows at a time, so memory stays bounded whatever the trial count. The
 * bytes depend only on the run ({@link StableXlsx}: no creation date, zip entries without a time, the
 * Decision sheet's merged ranges in a fixed order).
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
        f.add(new Figure("Sampling", s.sampling(), Headlines.Kind.TEXT, "/sampling"));
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
        StableXlsx wb = new StableXlsx(out);
        Styles st = new Styles(s.currency());
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
        wb.finish();
    }

    /**
     * Excel's default column width (8.43 characters and the cell padding, as stored in the file). Where the
     * workbook leaves a column at the default, it says so with this width: fastexcel would otherwise size
     * a column without a width to its longest value. The nearest fastexcel can do to POI, used before,
     * which wrote no width for such a column: Excel shows both alike; LibreOffice shows this one about 7%
     * wider than its own default; POI reads it back as 2,340 units rather than its default 2,048.
     */
    static final double DEFAULT_WIDTH = 9.140625;

    /**
     * How a cell looks: a number format (null for General), bold, a font size in points (0 for the
     * default 11), text wrapped and set at the top.
     */
    record Look(String format, boolean bold, int size, boolean wrapTop) {
        Look {
            if (size < 0 || size > 409) {
                throw new IllegalArgumentException("font size " + size + " points is not one a spreadsheet shows");
            }
        }

        static final Look PLAIN = new Look(null, false, 0, false);
        static final Look BOLD = new Look(null, true, 0, false);

        static Look format(String excelFormat) {
            return new Look(excelFormat, false, 0, false);
        }

        void apply(Worksheet ws, int row, int col) {
            if (this.equals(PLAIN)) {
                return;
            }
            StyleSetter st = ws.style(row, col);
            if (format != null) {
                // fastexcel writes the format code into styles.xml as it is given: escaped with its own escaper for cell text
                st.format(org.dhatim.fastexcel.XmlEscapeHelper.escape(format));
            }
            if (bold) {
                st.bold();
            }
            if (size != 0) {
                st.fontSize(size);
            }
            if (wrapTop) {
                st.wrapText(true).verticalAlignment("top");
            }
            st.set();
        }

    }

    /** The money format: whole units with the currency's prefix, a minus sign before it. */
    static String moneyFormat(String currency, String decimals) {
        String prefix = Money.prefix(currency).replace("\"", "");
        return "\"" + prefix + "\"#,##0" + decimals + ";-\"" + prefix + "\"#,##0" + decimals;
    }

    private static final class Styles {
        final Look header = Look.BOLD;
        final Look money;
        final Look share = Look.format("0.0%");
        final Look number = Look.format("#,##0.##");
        final Look cents;

        Styles(String currency) {
            money = Look.format(moneyFormat(currency, ""));
            cents = Look.format(moneyFormat(currency, ".00"));
        }

        Look of(Headlines.Kind k) {
            return switch (k) {
                case MONEY -> money;
                case SHARE, SHARE1 -> share;
                case NUMBER -> number;
                case TEXT -> Look.PLAIN;
            };
        }
    }

    /** A new sheet with the print setup every sheet but Decision shares (DecisionSheet.printSetup). */
    private static Worksheet sheet(StableXlsx wb, String name) {
        Worksheet ws = wb.sheet(name);
        DecisionSheet.printSetup(ws, !name.equals("Summary"), true);
        return ws;
    }

    private static void header(Worksheet sheet, Styles st, String... names) {
        header(sheet, 0, st, List.of(names));
        sheet.freezePane(0, 1);
    }

    private static void header(Worksheet sheet, int row, Styles st, List<String> names) {
        for (int k = 0; k < names.size(); k++) {
            sheet.value(row, k, names.get(k));
            st.header.apply(sheet, row, k);
        }
    }

    /** Columns the workbook leaves at the default width (see {@link #DEFAULT_WIDTH}). */
    private static void defaultWidth(Worksheet sheet, int... cols) {
        for (int c : cols) {
            sheet.width(c, DEFAULT_WIDTH);
        }
    }

    private static void set(Worksheet sheet, int row, int col, Object v, Look look) {
        if (v == null) {
            return;
        }
        if (v instanceof Number num) {
            sheet.value(row, col, num.doubleValue());
            look.apply(sheet, row, col);
        } else {
            sheet.value(row, col, v.toString());
        }
    }

    private static void summarySheet(StableXlsx wb, Styles st, Summary s) throws IOException {
        Worksheet sheet = sheet(wb, "Summary");
        sheet.width(0, 60);
        sheet.width(1, 18);
        sheet.width(2, 50);
        header(sheet, st, "Figure", "Value", "summary.json key");
        int i = 1;
        for (Figure f : figures(s)) {
            set(sheet, i, 0, f.name(), Look.PLAIN);
            set(sheet, i, 1, f.value(), st.of(f.kind()));
            set(sheet, i, 2, f.jsonPointer(), Look.PLAIN);
            i++;
        }
        sheet.finish();
    }

    private static void optionsSheet(StableXlsx wb, Styles st, Summary s) throws IOException {
        Worksheet sheet = sheet(wb, "Options");
        List<Headlines.Column> cols = Headlines.columns();
        header(sheet, st, cols.stream().map(c -> DecisionSheet.words(c.header())).toArray(String[]::new));
        DecisionSheet.keyComments(sheet, cols.stream().map(Headlines.Column::header).toList());
        int i = 1;
        for (Summary.OptionSummary o : s.options()) {
            Headlines.Row in = new Headlines.Row(s, o);
            for (int k = 0; k < cols.size(); k++) {
                set(sheet, i, k, cols.get(k).value().apply(in), st.of(cols.get(k).kind()));
            }
            i++;
        }
        for (int k = 0; k < cols.size(); k++) {
            sheet.width(k, 20);
        }
        sheet.finish();
    }

    private static void assumptionsSheet(StableXlsx wb, Styles st, Summary s, SimulationResult r) throws IOException {
        Worksheet sheet = sheet(wb, "Assumptions");
        header(sheet, st, "Input", "Assumed", "P10", "Median", "P90", "Share of futures clamped", "Scenario path",
                "As written in the scenario");
        sheet.width(0, 40);
        sheet.width(1, 50);
        defaultWidth(sheet, 2, 3, 4);
        sheet.width(5, 14);
        sheet.width(6, 45);
        sheet.width(7, 40);
        int i = 1;
        for (Summary.InputSummary in : s.inputs()) {
            dev.payback.scenario.Input spec = r.scenario().input(in.path());
            set(sheet, i, 0, InputWords.name(in.path()), Look.PLAIN);
            set(sheet, i, 1, spec == null ? in.notation() : InputWords.describe(spec), Look.PLAIN);
            set(sheet, i, 2, Headlines.finite(in.p10()), st.number);
            set(sheet, i, 3, Headlines.finite(in.p50()), st.number);
            set(sheet, i, 4, Headlines.finite(in.p90()), st.number);
            set(sheet, i, 5, Headlines.finite(in.clampedShare()), st.share);
            set(sheet, i, 6, in.path(), Look.PLAIN);
            set(sheet, i, 7, in.notation(), Look.PLAIN);
            i++;
        }
        sheet.finish();
    }

    /** Header of the Sensitivity sheet's tornado table. */
    public static final List<String> SENSITIVITY_HEADER = List.of("option", "input", "input in plain English",
            "spearman", "tornado_low", "tornado_high", "swing", "summary.json key");
    /** Header of its value-of-information table. */
    public static final List<String> VOI_HEADER = List.of("value of information", "input", "input in plain English",
            "evppi", "worth measuring", "", "", "summary.json key");

    private static void sensitivitySheet(StableXlsx wb, Styles st, Summary s) throws IOException {
        Worksheet sheet = sheet(wb, "Sensitivity");
        header(sheet, st, SENSITIVITY_HEADER.toArray(String[]::new));
        defaultWidth(sheet, 0);
        sheet.width(1, 45);
        sheet.width(2, 45);
        sheet.width(7, 45);
        for (int k = 3; k < 7; k++) {
            sheet.width(k, 16);
        }
        int i = 1;
        for (Summary.OptionSummary o : s.options()) {
            List<dev.payback.analysis.Sensitivity.Entry> es = s.sensitivity().forOption(o.id());
            for (int k = 0; k < es.size(); k++) {
                dev.payback.analysis.Sensitivity.Entry e = es.get(k);
                set(sheet, i, 0, o.id(), Look.PLAIN);
                set(sheet, i, 1, e.input(), Look.PLAIN);
                set(sheet, i, 2, InputWords.plainName(e.input()), Look.PLAIN);
                set(sheet, i, 3, Headlines.finite(e.spearman()), st.number);
                set(sheet, i, 4, Headlines.finite(e.tornadoLow()), st.money);
                set(sheet, i, 5, Headlines.finite(e.tornadoHigh()), st.money);
                set(sheet, i, 6, Headlines.finite(e.swing()), st.money);
                set(sheet, i, 7, "/options/" + o.id() + "/sensitivity/" + k, Look.PLAIN);
                i++;
            }
        }
        i++;
        header(sheet, i++, st, VOI_HEADER);
        set(sheet, i, 0, "EVPI (every input known)", Look.PLAIN);
        set(sheet, i, 3, Headlines.finite(s.sensitivity().evpi()), st.money);
        set(sheet, i, 7, "/value_of_information/evpi", Look.PLAIN);
        i++;
        double bar = SensitivityText.measureThreshold(s);
        set(sheet, i, 0, "worth measuring above (" + Money.percent(SensitivityText.MEASURE_SHARE)
                + " of the smallest median first-year cost)", Look.PLAIN);
        set(sheet, i, 3, Headlines.finite(bar), st.money);
        i++;
        List<dev.payback.analysis.Sensitivity.Evppi> ev = s.sensitivity().evppi();
        for (int k = 0; k < ev.size(); k++) {
            set(sheet, i, 0, "EVPPI", Look.PLAIN);
            set(sheet, i, 1, ev.get(k).input(), Look.PLAIN);
            set(sheet, i, 2, InputWords.plainName(ev.get(k).input()), Look.PLAIN);
            set(sheet, i, 3, Headlines.finite(ev.get(k).evppi()), st.money);
            set(sheet, i, 4, SensitivityText.worthMeasuring(ev.get(k).evppi(), bar) ? "yes" : "no", Look.PLAIN);
            set(sheet, i, 7, "/value_of_information/per_input/" + k, Look.PLAIN);
            i++;
        }
        sheet.finish();
    }

    /** The Trials sheet goes to the output this many rows at a time. */
    static final int TRIAL_CHUNK = 1_000;

    private static void trialsSheet(StableXlsx wb, Styles st, SimulationResult r) throws IOException {
        Worksheet sheet = sheet(wb, "Trials");
        List<String> names = new ArrayList<>(List.of("trial", "annualized_pain", "revenue", "pain_share_of_revenue",
                "pain_fte", "decision_score", "best"));
        List<dev.payback.scenario.Strategy> strategies = r.scenario().strategies();
        for (var o : strategies) {
            String p = o.id() + ".";
            names.addAll(List.of(p + "npv", p + "first_year_cost", p + "cumulative_net_3", p + "cumulative_net_6",
                    p + "cumulative_net_12", p + "payback_month", p + "failed"));
        }
        header(sheet, st, names.toArray(String[]::new));
        for (int k = 0; k < names.size(); k++) {
            sheet.width(k, DEFAULT_WIDTH);
        }
        TrialColumns c = r.columns();
        int rows = Math.min(MAX_TRIAL_ROWS, c.rows());
        // streamed a chunk at a time: its used range is stated before the first chunk goes out
        wb.streamed(sheet, rows + 1, names.size());
        for (int i = 0; i < rows; i++) {
            int row = i + 1;
            int j = 0;
            sheet.value(row, j++, (double) (i + 1));
            num(sheet, row, j++, c.annualPain().get(i));
            num(sheet, row, j++, c.revenue().get(i));
            num(sheet, row, j++, c.painShare().get(i));
            num(sheet, row, j++, c.painFte().get(i));
            sheet.value(row, j++, (double) c.score(i));
            sheet.value(row, j++, c.best(i) == 0 ? "status_quo" : strategies.get(c.best(i) - 1).id());
            for (int so = 0; so < c.strategyCount(); so++) {
                OptionColumns oc = c.option(so);
                num(sheet, row, j++, oc.npv().get(i));
                num(sheet, row, j++, oc.firstYearCost().get(i));
                num(sheet, row, j++, oc.cumulativeNet(0).get(i));
                num(sheet, row, j++, oc.cumulativeNet(1).get(i));
                num(sheet, row, j++, oc.cumulativeNet(2).get(i));
                if (oc.paybackMonth(i) != 0) {
                    sheet.value(row, j, (double) oc.paybackMonth(i));
                }
                j++;
                sheet.value(row, j++, (double) oc.failed(i));
            }
            if (row % TRIAL_CHUNK == 0) {
                sheet.flush();
            }
        }
        sheet.finish();
    }

    /** Header of the Tracking plan sheet. */
    public static final List<String> TRACKING_HEADER = List.of("option", "KPI", "checkpoint (months)",
            "doing nothing, median", "projected P10", "projected median", "projected P90", "on track at or below",
            "in plain words", "summary.json key (projection)", "summary.json key (checklist)");

    /** One row per option, KPI and checkpoint (docs/model.md section 8). */
    private static void trackingPlanSheet(StableXlsx wb, Styles st, Summary s) throws IOException {
        if (s.kpis().isEmpty()) {
            return;
        }
        Worksheet sheet = sheet(wb, "Tracking plan");
        header(sheet, st, TRACKING_HEADER.toArray(String[]::new));
        defaultWidth(sheet, 0, 2);
        sheet.width(1, 45);
        sheet.width(8, 90);
        sheet.width(9, 45);
        sheet.width(10, 45);
        for (int k = 3; k < 8; k++) {
            sheet.width(k, 16);
        }
        Summary.KpiTrack today = s.kpiTrack(dev.payback.analysis.KpiTracks.STATUS_QUO);
        int i = 1;
        for (Summary.OptionSummary o : s.options()) {
            Summary.KpiTrack t = s.kpiTrack(o.id());
            for (TrackingPlan.Kpi kpi : TrackingPlan.KPIS) {
                for (int m : t.stats().keySet()) {
                    Stats p = t.stats().get(m).get(kpi.key());
                    double check = t.checklist().get(m).get(kpi.key());
                    Look style = kpiStyle(st, kpi);
                    set(sheet, i, 0, o.id(), Look.PLAIN);
                    set(sheet, i, 1, kpi.name(), Look.PLAIN);
                    // the checkpoint without a format (General), as before
                    set(sheet, i, 2, m, Look.PLAIN);
                    set(sheet, i, 3, Headlines.finite(today.stats().get(m).get(kpi.key()).p50()), style);
                    set(sheet, i, 4, Headlines.finite(p.p10()), style);
                    set(sheet, i, 5, Headlines.finite(p.p50()), style);
                    set(sheet, i, 6, Headlines.finite(p.p90()), style);
                    set(sheet, i, 7, Headlines.finite(check), style);
                    set(sheet, i, 8, TrackingPlan.sentence(kpi, m, check, s.currency()), Look.PLAIN);
                    set(sheet, i, 9, "/kpis/" + o.id() + "/" + m + "/" + kpi.key(), Look.PLAIN);
                    set(sheet, i, 10, "/kpi_checklist/" + o.id() + "/" + m + "/" + kpi.key(), Look.PLAIN);
                    i++;
                }
            }
        }
        sheet.finish();
    }

    private static Look kpiStyle(Styles st, TrackingPlan.Kpi kpi) {
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
    private static void vendorsSheet(StableXlsx wb, Styles st, Summary s) throws IOException {
        Worksheet sheet = sheet(wb, "Vendors");
        header(sheet, st, VENDORS_HEADER.toArray(String[]::new));
        defaultWidth(sheet, 0);
        sheet.width(1, 50);
        for (int k = 2; k < 9; k++) {
            sheet.width(k, 18);
        }
        sheet.width(9, 30);
        int i = 1;
        for (Summary.OptionSummary o : VendorComparison.scored(s)) {
            set(sheet, i, 0, o.id(), Look.PLAIN);
            set(sheet, i, 1, o.label(), Look.PLAIN);
            set(sheet, i, 2, Headlines.finite(o.scorecardScore()), st.number);
            set(sheet, i, 3, Headlines.finite(o.npv().p50()), st.money);
            set(sheet, i, 4, Headlines.finite(o.npv().p10()), st.money);
            set(sheet, i, 5, Headlines.finite(o.paybackProbability().get(12)), st.share);
            double max12 = o.maxOneTimeCost().get(12);
            // a negative ceiling is never shown as a price (as on the Summary sheet and in report.html)
            set(sheet, i, 6, max12 < 0 ? Money.NO_PRICE : Headlines.finite(max12), st.money);
            set(sheet, i, 7, Headlines.finite(o.oneTimeCost().p50()), st.money);
            set(sheet, i, 8, Headlines.finite(s.pBest().get(o.id())), st.share);
            set(sheet, i, 9, "/options/" + o.id(), Look.PLAIN);
            i++;
        }
        i++;
        set(sheet, i++, 0, VendorComparison.sentence(s), Look.PLAIN);
        i++;
        for (Map.Entry<String, Double> w : s.scorecardWeights().entrySet()) {
            set(sheet, i, 0, "weight: " + w.getKey(), Look.PLAIN);
            set(sheet, i, 2, w.getValue(), st.number);
            set(sheet, i, 9, "/scorecard_weights/" + w.getKey(), Look.PLAIN);
            i++;
        }
        sheet.finish();
    }

    private static void num(Worksheet sheet, int row, int col, double v) {
        if (Double.isFinite(v)) {
            sheet.value(row, col, v);
        }
    }
}
