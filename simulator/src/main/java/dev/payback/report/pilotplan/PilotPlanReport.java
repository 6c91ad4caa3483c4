package dev.payback.report.pilotplan;

import dev.payback.report.ConsoleWidth;
import dev.payback.report.SamplingText;
import dev.payback.report.Money;
import dev.payback.analysis.PilotPlanSummary;
import dev.payback.engine.PilotPlan;
import dev.payback.report.SummaryJson;
import dev.payback.report.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The pilot-plan grid as a console table, pilot-plan.json, pilot-plan.csv and its plain-English picks. */
public final class PilotPlanReport {
    private PilotPlanReport() {
    }

    /** "25% of orders for 3 months, go at a 30% reduction". */
    public static String design(PilotPlan.Design d) {
        return Money.percent(d.share()) + " of orders for " + d.months() + (d.months() == 1 ? " month" : " months")
                + ", go at a " + Money.percent(d.target()) + " reduction";
    }

    /** The sentence naming a pick and how it compares with the big bang. */
    public static String pick(PilotPlanSummary s, int d, boolean cautious) {
        PilotPlanSummary.Row r = s.rows().get(d);
        String cur = s.currency();
        double dm = r.figures().meanNpv() - s.bigBang().meanNpv();
        double dp = r.figures().p10Npv() - s.bigBang().p10Npv();
        return (cautious ? "The cautious pick (highest P10 NPV): " : "The highest mean NPV: ") + design(r.design())
                + " — mean NPV " + Money.compact(r.figures().meanNpv(), cur) + " (" + signed(dm, cur)
                + " against the big bang), P10 " + Money.compact(r.figures().p10Npv(), cur) + " (" + signed(dp, cur)
                + "); the pilot says go in " + Money.percent(r.pGo()) + " of futures.";
    }

    private static String signed(double v, String cur) {
        return (v >= 0 ? "+" : "−") + Money.compact(Math.abs(v), cur);
    }

    /** The console output: header, table, the two picks (ending in a newline). */
    public static String table(PilotPlanSummary s) {
        String cur = s.currency();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Pilot designs for %s (%s)%n", s.optionId(), s.optionLabel()));
        b.append(String.format(Locale.ROOT, "%s: %,d trials, seed %d, %s; every design on the same futures%n%n",
                s.scenario(), s.trials(), s.seed(), SamplingText.name(s.sampling())));
        // the columns are as narrow as their headers allow, so a row with its mark fits 100 columns
        b.append(String.format(Locale.ROOT, "%-5s %-6s %-6s | %-9s %-9s %-9s | %-6s %-8s %s%n", "share",
                "months", "target", "mean NPV", "P10 NPV", "P(pb<=12)", "P(go)", "false go", "false stop"));
        b.append(String.format(Locale.ROOT, "%-19s | %-9s %-9s %-9s |%n", "big bang (no pilot)",
                Money.compact(s.bigBang().meanNpv(), cur), Money.compact(s.bigBang().p10Npv(), cur),
                Money.percent(s.bigBang().pPayback12())));
        for (int d = 0; d < s.rows().size(); d++) {
            PilotPlanSummary.Row r = s.rows().get(d);
            String mark = d == s.bestMean() && d == s.bestP10() ? "  <- best mean, P10"
                    : d == s.bestMean() ? "  <- best mean" : d == s.bestP10() ? "  <- best P10" : "";
            b.append(String.format(Locale.ROOT, "%-5s %-6d %-6s | %-9s %-9s %-9s | %-6s %-8s %-10s%s",
                    Money.percent(r.design().share()), r.design().months(), Money.percent(r.design().target()),
                    Money.compact(r.figures().meanNpv(), cur), Money.compact(r.figures().p10Npv(), cur),
                    Money.percent(r.figures().pPayback12()), Money.percent(r.pGo()), Money.percent(r.pFalseGo()),
                    Money.percent(r.pFalseStop()), mark).stripTrailing()).append('\n');
        }
        b.append('\n').append(pick(s, s.bestMean(), false)).append('\n');
        b.append(pick(s, s.bestP10(), true)).append('\n');
        // the long lines (the option's label, the run line, the two picks) wrap like every command's
        return ConsoleWidth.fit(b.toString());
    }

    /** pilot-plan.json (UTF-8, pretty-printed, ending in a newline). */
    public static byte[] json(PilotPlanSummary s) {
        return SummaryJson.pretty(g -> {
            g.writeStartObject();
            g.writeStringField("scenario", s.scenario());
            g.writeStringField("option", s.optionId());
            g.writeStringField("currency", s.currency());
            g.writeNumberField("trials", s.trials());
            g.writeNumberField("seed", s.seed());
            g.writeStringField("sampling", s.sampling());
            g.writeObjectFieldStart("big_bang");
            figures(g, s.bigBang());
            g.writeEndObject();
            g.writeArrayFieldStart("designs");
            for (PilotPlanSummary.Row r : s.rows()) {
                g.writeStartObject();
                SummaryJson.number(g, "pilot_share", r.design().share());
                g.writeNumberField("pilot_months", r.design().months());
                SummaryJson.number(g, "exception_rate_reduction", r.design().target());
                figures(g, r.figures());
                SummaryJson.number(g, "p_go", r.pGo());
                SummaryJson.number(g, "p_false_go", r.pFalseGo());
                SummaryJson.number(g, "p_false_stop", r.pFalseStop());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("best_mean_npv", s.bestMean());
            g.writeNumberField("best_p10_npv", s.bestP10());
            g.writeEndObject();
        });
    }

    private static void figures(com.fasterxml.jackson.core.JsonGenerator g, PilotPlanSummary.Figures f)
            throws IOException {
        SummaryJson.number(g, "mean_npv", f.meanNpv());
        SummaryJson.number(g, "p10_npv", f.p10Npv());
        SummaryJson.number(g, "p_payback_12", f.pPayback12());
    }

    /** pilot-plan.csv: the big bang (empty design columns), then one row per design. */
    public static void csv(PilotPlanSummary s, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            // every cell through CsvCells, like every other CSV: nothing here is typed by a user today,
            // but a text cell added later cannot start a spreadsheet formula
            p.printRecord(CsvCells.safe("pilot_share", "pilot_months", "exception_rate_reduction", "mean_npv",
                    "p10_npv", "p_payback_12", "p_go", "p_false_go", "p_false_stop", "pick"));
            p.printRecord(CsvCells.safe("", "", "", s.bigBang().meanNpv(), s.bigBang().p10Npv(),
                    s.bigBang().pPayback12(), "", "", "", "big_bang"));
            for (int d = 0; d < s.rows().size(); d++) {
                PilotPlanSummary.Row r = s.rows().get(d);
                String pick = d == s.bestMean() && d == s.bestP10() ? "best_mean_npv;best_p10_npv"
                        : d == s.bestMean() ? "best_mean_npv" : d == s.bestP10() ? "best_p10_npv" : "";
                p.printRecord(CsvCells.safe(r.design().share(), r.design().months(), r.design().target(),
                        r.figures().meanNpv(), r.figures().p10Npv(), r.figures().pPayback12(), r.pGo(), r.pFalseGo(),
                        r.pFalseStop(), pick));
            }
        }
    }
}
