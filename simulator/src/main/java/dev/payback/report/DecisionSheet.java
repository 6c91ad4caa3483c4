package dev.payback.report;

import dev.payback.analysis.CashFlow;
import dev.payback.analysis.Recommendation;
import dev.payback.analysis.Summary;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The finance-facing sheets of business-case.xlsx: "Decision" (first: the recommendation, its reasons
 * and the headline figures in words and numbers) and "Cash flow" (month by month), plus the print
 * setup and the words for column headers every sheet shares.
 */
final class DecisionSheet {
    private DecisionSheet() {
    }

    static final String NAME = "Decision";
    /** The Value column's width, in characters. */
    private static final int VALUE_WIDTH = 22;
    static final String CASH_FLOW = "Cash flow";
    /** The number format of each of Money.percent's forms of a share (the Decision sheet's probabilities). */
    static String shareFormat(Money.ShareForm form) {
        return switch (form) {
            case WHOLE -> "0%";
            case ONE_DECIMAL -> "0.0%";
            case BELOW_ONE_TENTH -> "\"<0.1%\"";
            case ABOVE_99_9 -> "\">99.9%\"";
        };
    }

    /** One headline line: words, a value (number or text), its kind and its summary.json key (or null). */
    record Line(String words, Object value, Headlines.Kind kind, String key) {
    }

    /** The headline figures of the Decision sheet, in reading order. */
    static List<Line> lines(Summary s) {
        Recommendation rec = Recommendation.of(s);
        List<Line> out = new ArrayList<>();
        out.add(new Line("What doing nothing costs in year one, median", s.annualizedPain().p50(),
                Headlines.Kind.MONEY, "/annualized_pain/p50"));
        out.add(new Line("... as a share of year-one revenue, median", s.painShareOfRevenue().p50(),
                Headlines.Kind.SHARE1, "/pain_share_of_revenue/p50"));
        out.add(new Line("... in full-time people, median", s.painFte().p50(), Headlines.Kind.NUMBER,
                "/pain_fte/p50"));
        for (Summary.OptionSummary o : s.options()) {
            String p = "/options/" + o.id() + "/";
            String within = RecommendationText.within(o.paybackMonths());
            boolean subject = rec.subject() == o || rec.staged() == o;
            String name = o.id() + (subject ? " (named in the recommendation)" : "");
            out.add(new Line(name + ": expected NPV over " + s.horizonMonths() + " months (mean)", o.npv().mean(),
                    Headlines.Kind.MONEY, p + "npv/mean"));
            out.add(new Line(o.id() + ": NPV, P10 to P90", Money.compact(o.npv().p10(), s.currency()) + " to "
                    + Money.compact(o.npv().p90(), s.currency()), Headlines.Kind.TEXT, null));
            out.add(new Line(o.id() + ": chance of losing money", o.pNpvNegative(), Headlines.Kind.SHARE,
                    p + "p_npv_negative"));
            out.add(new Line(o.id() + ": chance of paying back within " + within, o.paybackProbabilityAtBar(),
                    Headlines.Kind.SHARE, p + "payback_bar/probability"));
            out.add(new Line(o.id() + ": one-time cost, quote median", o.oneTimeCost().p50(), Headlines.Kind.MONEY,
                    p + "one_time_cost/p50"));
            double max = o.maxOneTimeCostAtBar();
            String maxWords = o.id() + ": most it can cost up front to pay back within " + within + " in "
                    + Money.percent(o.paybackConfidence()) + " of futures";
            out.add(max < 0 ? new Line(maxWords, "none: it does not pay back within " + within + " even if free",
                    Headlines.Kind.TEXT, p + "payback_bar/max_one_time_cost")
                    : new Line(maxWords, max, Headlines.Kind.MONEY, p + "payback_bar/max_one_time_cost"));
            out.add(new Line(o.id() + ": first-year cost, median", o.firstYearCost().p50(), Headlines.Kind.MONEY,
                    p + "first_year_cost/p50"));
            out.add(new Line(o.id() + ": best choice in", s.pBest().getOrDefault(o.id(), 0.0), Headlines.Kind.SHARE,
                    "/p_best/" + o.id()));
        }
        out.add(new Line("Doing nothing is the best choice in", s.pBest().getOrDefault("status_quo", 0.0),
                Headlines.Kind.SHARE, "/p_best/status_quo"));
        return out;
    }

    /** Writes the Decision sheet, the first (the active tab), its merged ranges in the order they were made. */
    static void write(StableXlsx wb, Summary s) throws IOException {
        Worksheet sheet = wb.sheet(NAME);
        printSetup(sheet, false, false);
        // the figures' words in one line each (the longest option id makes the longest), within reason
        List<Line> figures = lines(s);
        int longest = 0;
        for (Line l : figures) {
            longest = Math.max(longest, l.words().length());
        }
        sheet.width(0, Math.min(110, Math.max(62, longest + 4)));
        sheet.width(1, VALUE_WIDTH);
        sheet.width(2, 36);
        BusinessCaseXlsx.Look title = new BusinessCaseXlsx.Look(null, true, 14, false);
        BusinessCaseXlsx.Look headline = new BusinessCaseXlsx.Look(null, true, 0, true);
        BusinessCaseXlsx.Look wrap = new BusinessCaseXlsx.Look(null, false, 0, true);
        BusinessCaseXlsx.Look header = BusinessCaseXlsx.Look.BOLD;
        BusinessCaseXlsx.Look money = BusinessCaseXlsx.Look.format(BusinessCaseXlsx.moneyFormat(s.currency(), ""));
        // as Money.percent writes a probability in the console and report.html (whole percents, one
        // decimal near 0% and 100%: 0.7%, not 1%), a format per form; a share of revenue with one
        // decimal, as Money.percent1
        Map<Money.ShareForm, BusinessCaseXlsx.Look> share = new EnumMap<>(Money.ShareForm.class);
        for (Money.ShareForm form : Money.ShareForm.values()) {
            share.put(form, BusinessCaseXlsx.Look.format(shareFormat(form)));
        }
        BusinessCaseXlsx.Look share1 = BusinessCaseXlsx.Look.format("0.0%");
        BusinessCaseXlsx.Look number = BusinessCaseXlsx.Look.format("0.0");
        List<String> merged = new ArrayList<>();

        int i = 0;
        text(sheet, i++, "Business case: " + s.scenario(), title);
        text(sheet, i++, String.format(java.util.Locale.ROOT, "%s, random seed %d, %s, %s, %d-month "
                + "horizon", SamplingText.futures(s.trials()), s.seed(), SamplingText.name(s.sampling()), s.currency(), s.horizonMonths()),
                BusinessCaseXlsx.Look.PLAIN);
        i++;
        text(sheet, i++, "What to do", header);
        text(sheet, i, RecommendationText.sentence(s), headline);
        merge(sheet, i, merged);
        sheet.rowHeight(i, 48);
        i++;
        for (String reason : RecommendationText.reasons(s)) {
            text(sheet, i, reason, wrap);
            merge(sheet, i, merged);
            sheet.rowHeight(i, 14f * Math.max(1, (reason.length() + 109) / 110));
            i++;
        }
        i++;
        String[] names = {"Figure", "Value", "summary.json key"};
        for (int k = 0; k < names.length; k++) {
            sheet.value(i, k, names[k]);
            header.apply(sheet, i, k);
        }
        i++;
        for (Line l : figures) {
            sheet.value(i, 0, l.words());
            if (l.value() instanceof Number n) {
                // a figure that is not a number is left empty
                if (Double.isFinite(n.doubleValue())) {
                    sheet.value(i, 1, n.doubleValue());
                    (switch (l.kind()) {
                        case MONEY -> money;
                        case SHARE -> share.get(Money.shareForm(n.doubleValue()));
                        case SHARE1 -> share1;
                        default -> number;
                    }).apply(sheet, i, 1);
                }
            } else {
                String text = String.valueOf(l.value());
                sheet.value(i, 1, text);
                wrap.apply(sheet, i, 1);
                // a wrapped text value gets the lines it needs instead of running over the next row
                int lines = (text.length() + VALUE_WIDTH - 3) / (VALUE_WIDTH - 2);
                if (lines > 1) {
                    sheet.rowHeight(i, 14f * lines);
                }
            }
            if (l.key() != null) {
                sheet.value(i, 2, l.key());
            }
            i++;
        }
        i++;
        text(sheet, i++, "How the recommendation is made", header);
        List<String> rule = RecommendationText.rule(s.options().get(0).paybackMonths(),
                s.options().get(0).paybackConfidence());
        for (int k = 0; k < rule.size(); k++) {
            text(sheet, i, (k + 1) + ". " + rule.get(k), wrap);
            merge(sheet, i, merged);
            sheet.rowHeight(i, 14f * Math.max(1, (rule.get(k).length() + 113) / 110));
            i++;
        }
        wb.fix(sheet, StableXlsx.mergedInOrder(merged));
        sheet.finish();
    }

    /** Merges columns A to C of a row. */
    private static void merge(Worksheet sheet, int row, List<String> merged) {
        sheet.range(row, 0, row, 2).merge();
        merged.add("A" + (row + 1) + ":C" + (row + 1));
    }

    /** The Cash flow sheet: every option and month 0..H, P10/median/P90 of the month's net and the position. */
    static void cashFlow(StableXlsx wb, Summary s, CashFlow cf) throws IOException {
        Worksheet sheet = wb.sheet(CASH_FLOW);
        printSetup(sheet, true, true);
        BusinessCaseXlsx.Look header = new BusinessCaseXlsx.Look(null, true, 0, false);
        BusinessCaseXlsx.Look money = BusinessCaseXlsx.Look.format(BusinessCaseXlsx.moneyFormat(s.currency(), ""));
        String[] words = {"Option", "Month (0 = the one-time cost)", "Net cash of the month, P10",
                "Net cash of the month, median", "Net cash of the month, P90", "Cumulative position, P10",
                "Cumulative position, median", "Cumulative position, P90"};
        for (int k = 0; k < words.length; k++) {
            sheet.value(0, k, words[k]);
            // bold and wrapped (at the bottom, as before: only the wrapping is set)
            sheet.style(0, k).bold().wrapText(true).set();
            sheet.width(k, k < 2 ? 16 : 18);
        }
        keyComments(sheet, List.of(CashFlowCsv.HEADER));
        sheet.freezePane(0, 1);
        int i = 1;
        for (CashFlow.OptionFlow o : cf.options()) {
            for (CashFlow.Period m : o.months()) {
                sheet.value(i, 0, o.id());
                sheet.value(i, 1, (double) m.toMonth());
                double[] v = {m.net().p10(), m.net().p50(), m.net().p90(), m.cumulative().p10(),
                        m.cumulative().p50(), m.cumulative().p90()};
                for (int k = 0; k < v.length; k++) {
                    // always finite (sums of finite cash flows); a value that was not would be left empty
                    if (Double.isFinite(v[k])) {
                        sheet.value(i, 2 + k, v[k]);
                        money.apply(sheet, i, 2 + k);
                    }
                }
                i++;
            }
        }
        sheet.finish();
    }

    /**
     * Each header cell of row 0 gets a note with its machine key (the summary.csv / cashflow.csv column);
     * fastexcel anchors a note, as before, from its cell to two columns right and two rows down.
     */
    static void keyComments(Worksheet sheet, List<String> keys) {
        for (int k = 0; k < keys.size(); k++) {
            sheet.comment(0, k, "key: " + keys.get(k));
        }
    }

    /**
     * Fit to one page wide (any number of pages tall), automatic page breaks, landscape when the sheet is
     * wide, and the header row repeated on every page when asked. fastexcel writes the fit-to-page flag
     * with the sheet's first rows, so this comes before any flush.
     */
    static void printSetup(Worksheet sheet, boolean landscape, boolean repeatHeader) {
        sheet.setFitToPage(true);
        sheet.setAutoPageBreaks(true);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.pageOrientation(landscape ? "landscape" : "portrait");
        if (repeatHeader) {
            sheet.repeatRows(0);
        }
    }

    private static void text(Worksheet sheet, int row, String text, BusinessCaseXlsx.Look look) {
        sheet.value(row, 0, text);
        look.apply(sheet, row, 0);
    }

    /** A column key of summary.csv in words, for the workbook's headers. */
    static String words(String key) {
        return WORDS.getOrDefault(key, key.replace('_', ' '));
    }

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("scenario", "Scenario"),
            Map.entry("option", "Option"),
            Map.entry("label", "Description"),
            Map.entry("kind", "Kind (operate or orchestrate)"),
            Map.entry("currency", "Currency"),
            Map.entry("trials", "Simulated futures"),
            Map.entry("seed", "Random seed"),
            Map.entry("one_time_cost_p50", "One-time cost, quote median"),
            Map.entry("first_year_cost_p50", "First-year cost, median"),
            Map.entry("annualized_pain_p50", "What doing nothing costs in year one, median"),
            Map.entry("p_pain_exceeds_first_year_cost", "Share of futures: year-one pain above first-year cost"),
            Map.entry("npv_p10", "NPV, P10"),
            Map.entry("npv_p50", "NPV, median"),
            Map.entry("npv_p90", "NPV, P90"),
            Map.entry("p_npv_negative", "Chance of losing money"),
            Map.entry("roi_p50", "ROI over the horizon, median"),
            Map.entry("payback_probability_3", "Payback within 90 days"),
            Map.entry("payback_probability_6", "Payback within 6 months"),
            Map.entry("payback_probability_12", "Payback within 12 months"),
            Map.entry("payback_month_p50", "Payback month, median of those that pay back"),
            Map.entry("p_no_payback", "Chance of no payback within the horizon"),
            Map.entry("max_one_time_cost_3", "Max one-time cost, payback within 90 days"),
            Map.entry("max_one_time_cost_6", "Max one-time cost, payback within 6 months"),
            Map.entry("max_one_time_cost_12", "Max one-time cost, payback within 12 months"),
            Map.entry("payback_confidence", "Payback confidence asked for"),
            Map.entry("p_best", "Best choice in"),
            Map.entry("p_status_quo_best", "Doing nothing best in"),
            Map.entry("decision_verdict", "Decision matrix verdict"));
}
