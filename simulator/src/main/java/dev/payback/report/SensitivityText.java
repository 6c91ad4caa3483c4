package dev.payback.report;

import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "What drives the result" and "What to measure before deciding", from a summary's
 * {@link Sensitivity}: the one place that decides what these paragraphs say. The console
 * ({@link #render}) and report.html ({@link HtmlReport}) both print the {@link Line}s built here; each
 * number in a line carries its summary.json pointer, so the page can tag it with {@code data-json}.
 */
public final class SensitivityText {
    /** How many inputs "What drives the result" names. */
    public static final int DRIVERS = 3;
    /**
     * An input is worth measuring when its EVPPI exceeds this share of the smallest median
     * first-year cost among the options.
     */
    public static final double MEASURE_SHARE = 0.05;

    private SensitivityText() {
    }

    /**
     * A piece of a sentence: plain text, or a number with its format ({@link HtmlReport#format}) and
     * its summary.json pointer (null when the number is derived, e.g. a swing, or not finite).
     */
    public record Part(String text, double value, String fmt, String pointer) {
        static Part text(String t) {
            return new Part(t, Double.NaN, null, null);
        }

        static Part number(double v, String fmt, String pointer) {
            return new Part(null, v, fmt, Double.isFinite(v) ? pointer : null);
        }

        public boolean isNumber() {
            return fmt != null;
        }

        /** The part as the reader sees it. */
        public String render(String currency) {
            return isNumber() ? HtmlReport.format(fmt, value, currency) : text;
        }
    }

    /**
     * One sentence or list item.
     *
     * @param item true for an entry of a list (a driver, an input worth measuring)
     */
    public record Line(List<Part> parts, boolean item) {
        public Line {
            parts = List.copyOf(parts);
        }

        public String render(String currency) {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                b.append(p.render(currency));
            }
            return b.toString();
        }
    }

    /** The option with the highest mean NPV (the first listed on ties). */
    public static Summary.OptionSummary leading(Summary s) {
        Summary.OptionSummary lead = null;
        for (Summary.OptionSummary o : s.options()) {
            if (lead == null || o.npv().mean() > lead.npv().mean()) {
                lead = o;
            }
        }
        return lead;
    }

    /** The option with the smallest median first-year cost (the first listed on ties). */
    public static Summary.OptionSummary cheapest(Summary s) {
        Summary.OptionSummary low = null;
        for (Summary.OptionSummary o : s.options()) {
            if (low == null || o.firstYearCost().p50() < low.firstYearCost().p50()) {
                low = o;
            }
        }
        return low;
    }

    /** The EVPPI above which an input is worth measuring: 5% of the smallest median first-year cost. */
    public static double measureThreshold(Summary s) {
        return MEASURE_SHARE * cheapest(s).firstYearCost().p50();
    }

    /** Whether an input with this EVPPI is worth measuring against the threshold. */
    public static boolean worthMeasuring(double evppi, double threshold) {
        return evppi > threshold;
    }

    /** Inputs whose EVPPI exceeds {@link #measureThreshold}, largest first. */
    public static List<Sensitivity.Evppi> worthMeasuring(Summary s) {
        double bar = measureThreshold(s);
        List<Sensitivity.Evppi> out = new ArrayList<>();
        for (Sensitivity.Evppi e : s.sensitivity().evppi()) {
            if (worthMeasuring(e.evppi(), bar)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The drivers of the leading option: at most {@link #DRIVERS}, largest swing first, none with zero swing. */
    public static List<Sensitivity.Entry> drivers(Summary s) {
        List<Sensitivity.Entry> out = new ArrayList<>();
        for (Sensitivity.Entry e : s.sensitivity().forOption(leading(s).id())) {
            if (out.size() == DRIVERS || !(e.swing() > 0)) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** "What drives the result": an opening sentence, then one item per driver. */
    public static List<Line> driversLines(Summary s) {
        Summary.OptionSummary lead = leading(s);
        String base = "/options/" + lead.id();
        List<Line> lines = new ArrayList<>();
        List<Sensitivity.Entry> drivers = drivers(s);
        lines.add(new Line(List.of(Part.text(capitalize(lead.id()) + " has the highest mean NPV of the options, "),
                Part.number(lead.npv().mean(), "money", base + "/npv/mean"),
                Part.text(drivers.isEmpty() ? "." : ". The inputs that move it most, comparing the futures in "
                        + "which an input is in its lowest tenth with those in which it is in its highest tenth:")),
                false));
        if (drivers.isEmpty()) {
            // one future has no lowest and highest tenth to compare
            lines.add(new Line(List.of(Part.text(s.trials() < 2
                    ? "Not measurable from a single simulated future: run at least 2 trials (--trials)."
                    : "Nothing: every input of the scenario is fixed, or none moves this option's NPV.")), false));
        }
        List<Sensitivity.Entry> all = s.sensitivity().forOption(lead.id());
        for (int i = 0; i < drivers.size(); i++) {
            Sensitivity.Entry e = drivers.get(i);
            String at = base + "/sensitivity/" + all.indexOf(e);
            lines.add(new Line(List.of(
                    Part.text(InputWords.plainName(e.input()) + ": mean NPV "),
                    Part.number(e.tornadoLow(), "money", at + "/tornado_low"),
                    Part.text(" when it is in its lowest tenth, "),
                    Part.number(e.tornadoHigh(), "money", at + "/tornado_high"),
                    Part.text(" in its highest tenth (a swing of "),
                    Part.number(e.swing(), "money", null),
                    Part.text("; rank correlation "),
                    Part.number(e.spearman(), "signed2", at + "/spearman"),
                    Part.text(")")), true));
        }
        return lines;
    }

    /**
     * "What to measure before deciding": the EVPI, then either the inputs worth measuring (one item
     * each, with the money at stake) or the statement that no single input is.
     */
    public static List<Line> measureLines(Summary s) {
        Sensitivity sens = s.sensitivity();
        Summary.OptionSummary cheap = cheapest(s);
        double bar = measureThreshold(s);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(List.of(Part.text("Knowing every input exactly would be worth "),
                Part.number(sens.evpi(), "money", "/value_of_information/evpi"),
                Part.text(" of expected NPV (the expected value of perfect information, EVPI).")), false));
        List<Part> rule = List.of(Part.number(bar, "money", null), Part.text(" ("),
                Part.number(MEASURE_SHARE, "pct", null),
                Part.text(" of the smallest median first-year cost, " + cheap.id() + "'s "),
                Part.number(cheap.firstYearCost().p50(), "money", "/options/" + cheap.id() + "/first_year_cost/p50"),
                Part.text(")"));
        List<Sensitivity.Evppi> worth = worthMeasuring(s);
        List<Part> p = new ArrayList<>();
        if (worth.isEmpty()) {
            p.add(Part.text("No single input is worth measuring first: none has a value of information above "));
            p.addAll(rule);
            p.add(Part.text("."));
            Sensitivity.Evppi top = sens.evppi().isEmpty() ? null : sens.evppi().get(0);
            if (!(sens.evpi() > 0)) {
                // EVPI 0: the best option in expectation is best (or tied) in every trial. Any EVPPI is then
                // rounding (EVPPI <= EVPI), so neither a single input nor "several at once" is named.
                p.add(Part.text(" The same option is best in every simulated future, so no information, about one "
                        + "input or all of them, would change the decision."));
            } else if (top != null && top.evppi() > 0 && top.evppi() >= bar / 100) {
                p.add(Part.text(" The largest single value is for " + InputWords.plainName(top.input()) + ": "));
                p.add(Part.number(top.evppi(), "money", "/value_of_information/per_input/0/evppi"));
                p.add(Part.text(top.evppi() < sens.evpi()
                        ? "; the rest of the EVPI comes from several inputs being uncertain at once."
                        : ", all of the EVPI."));
            } else {
                p.add(Part.text(" The same option is best whatever any single input turns out to be; the EVPI "
                        + "comes from several inputs being uncertain at once."));
            }
            lines.add(new Line(p, false));
            return lines;
        }
        p.add(Part.text("Worth measuring before signing, because a measurement that costs less than its value of "
                + "information (EVPPI) pays for itself; these inputs have an EVPPI above "));
        p.addAll(rule);
        p.add(Part.text(":"));
        lines.add(new Line(p, false));
        for (Sensitivity.Evppi e : worth) {
            lines.add(new Line(List.of(Part.text(InputWords.plainName(e.input()) + ": "),
                    Part.number(e.evppi(), "money", "/value_of_information/per_input/" + sens.evppi().indexOf(e)
                            + "/evppi"),
                    Part.text(" of expected NPV at stake")), true));
        }
        return lines;
    }

    /** Both paragraphs as the console prints them (ending in a newline); empty without sensitivity. */
    public static String render(Summary s) {
        if (s.sensitivity() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        b.append("What drives the result\n");
        lines(b, driversLines(s), s.currency(), true);
        b.append("What to measure before deciding\n");
        lines(b, measureLines(s), s.currency(), false);
        return b.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Sentences indented by two spaces; items numbered 1, 2, ... or marked with a dash. */
    private static void lines(StringBuilder b, List<Line> lines, String currency, boolean numbered) {
        int k = 0;
        for (Line l : lines) {
            String mark = !l.item() ? "" : numbered ? ++k + ". " : "- ";
            b.append(String.format(Locale.ROOT, "  %s%s%n", mark, l.render(currency)));
        }
    }
}
