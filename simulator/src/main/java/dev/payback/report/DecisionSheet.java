package dev.payback.report;

import dev.payback.analysis.CashFlow;
import dev.payback.analysis.Recommendation;
import dev.payback.analysis.Summary;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

import java.util.ArrayList;
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
    static final String CASH_FLOW = "Cash flow";

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
                Headlines.Kind.SHARE, "/pain_share_of_revenue/p50"));
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

    static void write(SXSSFWorkbook wb, Summary s) {
        SXSSFSheet sheet = wb.createSheet(NAME);
        sheet.setColumnWidth(0, 62 * 256);
        sheet.setColumnWidth(1, 22 * 256);
        sheet.setColumnWidth(2, 36 * 256);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        CellStyle headline = wb.createCellStyle();
        headline.setFont(bold);
        headline.setWrapText(true);
        headline.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        String prefix = Money.prefix(s.currency()).replace("\"", "");
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("\"" + prefix + "\"#,##0;-\"" + prefix + "\"#,##0"));
        CellStyle share = wb.createCellStyle();
        share.setDataFormat(wb.createDataFormat().getFormat("0%"));
        CellStyle number = wb.createCellStyle();
        number.setDataFormat(wb.createDataFormat().getFormat("0.0"));

        int i = 0;
        text(sheet, i++, "Business case: " + s.scenario(), title);
        text(sheet, i++, String.format(java.util.Locale.ROOT, "%,d simulated futures, random seed %d, %s, %d-month "
                + "horizon", s.trials(), s.seed(), s.currency(), s.horizonMonths()), null);
        i++;
        text(sheet, i++, "What to do", header);
        Row rec = text(sheet, i, RecommendationText.sentence(s), headline);
        sheet.addMergedRegion(new CellRangeAddress(i, i, 0, 2));
        rec.setHeightInPoints(48);
        i++;
        for (String reason : RecommendationText.reasons(s)) {
            Row r = text(sheet, i, reason, wrap);
            sheet.addMergedRegion(new CellRangeAddress(i, i, 0, 2));
            r.setHeightInPoints(14f * Math.max(1, (reason.length() + 109) / 110));
            i++;
        }
        i++;
        Row head = sheet.createRow(i++);
        String[] names = {"Figure", "Value", "summary.json key"};
        for (int k = 0; k < names.length; k++) {
            Cell c = head.createCell(k);
            c.setCellValue(names[k]);
            c.setCellStyle(header);
        }
        for (Line l : lines(s)) {
            Row row = sheet.createRow(i++);
            row.createCell(0).setCellValue(l.words());
            Cell v = row.createCell(1);
            if (l.value() instanceof Number n) {
                if (Double.isFinite(n.doubleValue())) {
                    v.setCellValue(n.doubleValue());
                    v.setCellStyle(switch (l.kind()) {
                        case MONEY -> money;
                        case SHARE -> share;
                        default -> number;
                    });
                }
            } else {
                v.setCellValue(String.valueOf(l.value()));
                v.setCellStyle(wrap);
            }
            if (l.key() != null) {
                row.createCell(2).setCellValue(l.key());
            }
        }
        i++;
        text(sheet, i++, "How the recommendation is made", header);
        List<String> rule = RecommendationText.rule(s.options().get(0).paybackMonths(),
                s.options().get(0).paybackConfidence());
        for (int k = 0; k < rule.size(); k++) {
            Row r = text(sheet, i, (k + 1) + ". " + rule.get(k), wrap);
            sheet.addMergedRegion(new CellRangeAddress(i, i, 0, 2));
            r.setHeightInPoints(14f * Math.max(1, (rule.get(k).length() + 113) / 110));
            i++;
        }
        printSetup(sheet, false);
    }

    /** The Cash flow sheet: every option and month 0..H, P10/median/P90 of the month's net and the position. */
    static void cashFlow(SXSSFWorkbook wb, Summary s, CashFlow cf) {
        SXSSFSheet sheet = wb.createSheet(CASH_FLOW);
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        String prefix = Money.prefix(s.currency()).replace("\"", "");
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("\"" + prefix + "\"#,##0;-\"" + prefix + "\"#,##0"));
        String[] words = {"Option", "Month (0 = the one-time cost)", "Net cash of the month, P10",
                "Net cash of the month, median", "Net cash of the month, P90", "Cumulative position, P10",
                "Cumulative position, median", "Cumulative position, P90"};
        Row head = sheet.createRow(0);
        for (int k = 0; k < words.length; k++) {
            Cell c = head.createCell(k);
            c.setCellValue(words[k]);
            c.setCellStyle(header);
            sheet.setColumnWidth(k, (k < 2 ? 16 : 18) * 256);
        }
        keyComments(wb, sheet, List.of(CashFlowCsv.HEADER));
        sheet.createFreezePane(0, 1);
        int i = 1;
        for (CashFlow.OptionFlow o : cf.options()) {
            for (CashFlow.Period m : o.months()) {
                Row row = sheet.createRow(i++);
                row.createCell(0).setCellValue(o.id());
                row.createCell(1).setCellValue(m.toMonth());
                double[] v = {m.net().p10(), m.net().p50(), m.net().p90(), m.cumulative().p10(),
                        m.cumulative().p50(), m.cumulative().p90()};
                for (int k = 0; k < v.length; k++) {
                    Cell c = row.createCell(2 + k);
                    c.setCellValue(v[k]);
                    c.setCellStyle(money);
                }
            }
        }
    }

    /** Each header cell of row 0 gets a note with its machine key (the summary.csv / cashflow.csv column). */
    static void keyComments(SXSSFWorkbook wb, Sheet sheet, List<String> keys) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        Row head = sheet.getRow(0);
        for (int k = 0; k < keys.size(); k++) {
            ClientAnchor a = wb.getCreationHelper().createClientAnchor();
            a.setCol1(k);
            a.setCol2(k + 2);
            a.setRow1(0);
            a.setRow2(2);
            Comment c = drawing.createCellComment(a);
            c.setString(new XSSFRichTextString("key: " + keys.get(k)));
            head.getCell(k).setCellComment(c);
        }
    }

    /** Fit to one page wide, header row repeated, landscape when the sheet is wide. */
    static void printSetup(Sheet sheet, boolean landscape) {
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        PrintSetup ps = sheet.getPrintSetup();
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        ps.setLandscape(landscape);
        if (!sheet.getSheetName().equals(NAME)) {
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        }
    }

    private static Row text(Sheet sheet, int row, String text, CellStyle style) {
        Row r = sheet.createRow(row);
        Cell c = r.createCell(0);
        c.setCellValue(text);
        if (style != null) {
            c.setCellStyle(style);
        }
        return r;
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
