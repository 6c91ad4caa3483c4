package dev.payback.report;

import dev.payback.scenario.Dist;
import dev.payback.scenario.Domain;
import dev.payback.scenario.Input;

import java.util.Locale;

/**
 * A scenario input in words, for readers who do not read YAML: "between 9,000 and 16,000, most
 * likely 12,000" rather than {@code {pert: [9000, 12000, 16000]}}; shares and rates as percentages.
 */
public final class InputWords {
    private InputWords() {
    }

    /** The input's name: "exception rate", "orchestrate: one-time cost", "orchestrate: cut in exception rate". */
    public static String name(String path) {
        String p = path;
        String prefix = "";
        if (p.startsWith("options.")) {
            String rest = p.substring("options.".length());
            int dot = rest.indexOf('.');
            prefix = rest.substring(0, dot) + ": ";
            p = rest.substring(dot + 1);
            if (p.startsWith("effects.")) {
                return prefix + "cut in " + words(p.substring("effects.".length()));
            }
        } else if (p.startsWith("business.") || p.startsWith("pain.")) {
            p = p.substring(p.indexOf('.') + 1);
        }
        if (p.startsWith("events.")) {
            String rest = p.substring("events.".length());
            int dot = rest.lastIndexOf('.');
            return prefix + "event " + words(rest.substring(0, dot)) + ": " + words(rest.substring(dot + 1));
        }
        if (p.startsWith("other.")) {
            String rest = p.substring("other.".length());
            int dot = rest.lastIndexOf('.');
            return prefix + words(dot < 0 ? rest : rest.substring(0, dot)) + " (a year)";
        }
        return prefix + words(p).replace("one time", "one-time");
    }

    /**
     * An input path in plain English: {@code pain.exception_rate} → "exception rate",
     * {@code options.orchestrate.effects.exception_rate} → "orchestrate's effect on exception rate",
     * {@code pain.events.outage.cost} → "cost of outage".
     */
    public static String plainName(String path) {
        String[] s = path.split("\\.");
        if (s.length == 2 && (s[0].equals("business") || s[0].equals("pain"))) {
            return words(s[1]);
        }
        if (s.length == 3 && s[0].equals("pain") && s[1].equals("other")) {
            return words(s[2]) + " (yearly cost)";
        }
        if (s.length == 4 && s[0].equals("pain") && s[1].equals("events")) {
            return (s[3].equals("probability") ? "chance of " : "cost of ") + words(s[2]);
        }
        if (s.length == 4 && s[0].equals("options") && s[2].equals("effects")) {
            return s[1] + "'s effect on " + words(s[3]);
        }
        if (s.length == 3 && s[0].equals("options")) {
            return s[1] + "'s " + words(s[2]);
        }
        return path;
    }

    private static String words(String key) {
        return key.replace('_', ' ');
    }

    /** What the scenario assumes about the input, in words. */
    public static String describe(Input in) {
        boolean pct = in.domain() == Domain.UNIT || in.domain() == Domain.GROWTH;
        Dist d = in.dist();
        String notation = in.notation().replace(" ", "");
        if (d instanceof Dist.Fixed f) {
            return n(f.value(), pct);
        }
        if (d instanceof Dist.Uniform u) {
            return "anywhere from " + n(u.lo(), pct) + " to " + n(u.hi(), pct) + ", all equally likely";
        }
        if (d instanceof Dist.Triangular t) {
            return "between " + n(t.min(), pct) + " and " + n(t.max(), pct) + ", most likely " + n(t.mode(), pct);
        }
        if (d instanceof Dist.Pert t) {
            return "between " + n(t.min(), pct) + " and " + n(t.max(), pct) + ", most likely " + n(t.mode(), pct);
        }
        if (notation.startsWith("{ci90:")) {
            double[] v = pair(d);
            return "90% sure it lies between " + n(v[0], pct) + " and " + n(v[1], pct);
        }
        if (d instanceof Dist.Lognormal l) {
            return "5% chance below " + n(l.p5(), pct) + ", 5% above " + n(l.p95(), pct);
        }
        if (d instanceof Dist.Normal nd) {
            return "around " + n(nd.mu(), pct) + ", give or take " + n(nd.sd(), pct) + " (one standard deviation)";
        }
        if (d instanceof Dist.Bernoulli b) {
            return "yes in " + n(b.p(), true) + " of futures, else no";
        }
        if (d instanceof Dist.Discrete x) {
            StringBuilder s = new StringBuilder("one of ");
            double total = 0;
            for (double w : x.weights()) {
                total += w;
            }
            for (int i = 0; i < x.values().length; i++) {
                s.append(i == 0 ? "" : ", ").append(n(x.values()[i], pct)).append(" (")
                        .append(n(x.weights()[i] / total, true)).append(')');
            }
            return s.toString();
        }
        if (d instanceof Dist.Empirical e) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : e.observations()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            int count = e.observations().length;
            return "one of " + count + " observed value" + (count == 1 ? "" : "s") + " (" + n(lo, pct) + " to "
                    + n(hi, pct) + "), each equally likely";
        }
        return in.notation();
    }

    /** The two numbers of a ci90 notation, as written. */
    private static double[] pair(Dist d) {
        if (d instanceof Dist.Lognormal l) {
            return new double[] {l.p5(), l.p95()};
        }
        Dist.Normal nd = (Dist.Normal) d;
        double z = 1.6448536269514722;
        return new double[] {nd.mu() - z * nd.sd(), nd.mu() + z * nd.sd()};
    }

    /** A number for people: 12,000; 0.35; 14% (shares). */
    static String n(double x, boolean pct) {
        if (pct) {
            double v = x * 100;
            String s = Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%.0f", v)
                    : strip(String.format(Locale.ROOT, "%.2f", v));
            return s + "%";
        }
        double a = Math.abs(x);
        if (a >= 1000 || x == Math.rint(x)) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        return strip(String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.3f", x));
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
