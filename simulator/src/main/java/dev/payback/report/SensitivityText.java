package dev.payback.report;

import dev.payback.analysis.Money;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The console's "What drives the result" and "What to measure before deciding" paragraphs, from a
 * summary's {@link Sensitivity}.
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

    /** The EVPPI above which an input is worth measuring: 5% of the smallest median first-year cost. */
    public static double measureThreshold(Summary s) {
        double smallest = Double.POSITIVE_INFINITY;
        for (Summary.OptionSummary o : s.options()) {
            smallest = Math.min(smallest, o.firstYearCost().p50());
        }
        return MEASURE_SHARE * smallest;
    }

    /** Inputs whose EVPPI exceeds {@link #measureThreshold}, largest first. */
    public static List<Sensitivity.Evppi> worthMeasuring(Summary s) {
        double bar = measureThreshold(s);
        List<Sensitivity.Evppi> out = new ArrayList<>();
        for (Sensitivity.Evppi e : s.sensitivity().evppi()) {
            if (e.evppi() > bar) {
                out.add(e);
            }
        }
        return out;
    }

    /** Both paragraphs (ending in a newline); empty when the summary has no sensitivity. */
    public static String render(Summary s) {
        Sensitivity sens = s.sensitivity();
        if (sens == null) {
            return "";
        }
        String cur = s.currency();
        StringBuilder b = new StringBuilder();
        Summary.OptionSummary lead = leading(s);
        List<Sensitivity.Entry> entries = sens.forOption(lead.id());
        b.append(String.format(Locale.ROOT, "What drives the result (%s, the option with the highest mean NPV, %s)%n",
                lead.id(), Money.compact(lead.npv().mean(), cur)));
        if (entries.isEmpty() || entries.get(0).swing() == 0) {
            b.append("  Nothing: every input of the scenario is fixed, or none moves this option's NPV.\n");
        }
        for (int i = 0; i < Math.min(DRIVERS, entries.size()); i++) {
            Sensitivity.Entry e = entries.get(i);
            if (e.swing() == 0) {
                break;
            }
            b.append(String.format(Locale.ROOT,
                    "  %d. %s: mean NPV %s when it is in its lowest tenth, %s in its highest tenth "
                            + "(a swing of %s; rank correlation %s)%n",
                    i + 1, Sensitivity.plainName(e.input()), Money.compact(e.tornadoLow(), cur),
                    Money.compact(e.tornadoHigh(), cur), Money.compact(e.swing(), cur), signed(e.spearman())));
        }

        double bar = measureThreshold(s);
        b.append("What to measure before deciding\n");
        b.append(String.format(Locale.ROOT,
                "  Knowing every input exactly would be worth %s of expected NPV (EVPI).%n",
                Money.compact(sens.evpi(), cur)));
        List<Sensitivity.Evppi> worth = worthMeasuring(s);
        if (worth.isEmpty()) {
            b.append(String.format(Locale.ROOT, "  No single input is worth measuring first: none has a value of "
                            + "information above %s (%s of the smallest median first-year cost).%n",
                    Money.compact(bar, cur), Money.percent(MEASURE_SHARE)));
        } else {
            b.append(String.format(Locale.ROOT, "  Worth measuring (value of information above %s, %s of the "
                            + "smallest median first-year cost):%n",
                    Money.compact(bar, cur), Money.percent(MEASURE_SHARE)));
            for (Sensitivity.Evppi e : worth) {
                b.append(String.format(Locale.ROOT, "  - %s: %s of expected NPV at stake%n",
                        Sensitivity.plainName(e.input()), Money.compact(e.evppi(), cur)));
            }
        }
        return b.toString();
    }

    private static String signed(double rho) {
        return Double.isFinite(rho) ? String.format(Locale.ROOT, "%+.2f", rho) : "n/a";
    }
}
