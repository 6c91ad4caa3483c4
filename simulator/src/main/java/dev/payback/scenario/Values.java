package dev.payback.scenario;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads numbers and distributions from nodes, checking arity, finiteness, parameters and the
 * field's domain. Every method reports what is wrong to {@link Problems} and returns null then.
 */
final class Values {
    /** The distribution forms of docs/model.md section 1, in documentation order. */
    static final List<String> FORMS = List.of("fixed", "uniform", "triangular", "pert", "normal", "lognormal",
            "ci90", "bernoulli", "discrete", "empirical");

    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    /** A plain number (no distribution); {@code what} names the field in the message, e.g. "horizon_months". */
    Double plainNumber(Node n, String path) {
        if (n instanceof MappingNode) {
            problems.add(n, path, "must be a plain number, not a distribution",
                    "write a single number, e.g. " + path.substring(path.lastIndexOf('.') + 1) + ": 3");
            return null;
        }
        return number(n, path);
    }

    /** A finite number written as a scalar. */
    Double number(Node n, String path) {
        if (Nodes.isNull(n)) {
            problems.add(n, path, "the value is missing", "write a number");
            return null;
        }
        if (!(n instanceof ScalarNode s)) {
            problems.add(n, path, "expected a number, found " + Nodes.describe(n), "write a single number");
            return null;
        }
        String v = s.getValue().trim();
        Tag tag = s.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            String lower = v.toLowerCase(Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf")) {
                problems.add(n, path, "'" + shown(v) + "' is not a finite number", "write an ordinary number");
                return null;
            }
            double x;
            try {
                x = Tag.INT.equals(tag) ? integer(v).doubleValue() : Double.parseDouble(v);
            } catch (NumberFormatException e) {
                problems.add(n, path, "'" + shown(v) + "' is not a number", "write an ordinary number, e.g. 12000 or 0.15");
                return null;
            }
            if (!Double.isFinite(x)) {
                problems.add(n, path, shown(v) + " is too large to compute with", "write a number below 1e300");
                return null;
            }
            return x;
        }
        String suggestion = "write a number, e.g. 12000 or 0.15";
        if (Tag.STR.equals(tag) && v.matches("[-+]?[0-9.]+\\s*%")) {
            suggestion = "write percentages as fractions, e.g. 15% as 0.15";
        } else if (Tag.STR.equals(tag) && v.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            suggestion = "write the number without quotes";
        } else if (Tag.STR.equals(tag) && v.matches("[-+]?[0-9][0-9_,]*(\\.[0-9]*)?")) {
            suggestion = "write numbers without separators, e.g. 100000";
        } else if (Tag.STR.equals(tag) && v.matches("[$€£]\\s*[0-9.,]+")) {
            suggestion = "write amounts without a currency sign; the currency is set by currency:";
        }
        problems.add(n, path, "expected a number, found " + Nodes.describe(n), suggestion);
        return null;
    }

    /** A whole number in [lo, hi]. */
    Long wholeNumber(Node n, String path, long lo, long hi) {
        if (n instanceof MappingNode) {
            problems.add(n, path, "must be a plain whole number, not a distribution", "write a single whole number");
            return null;
        }
        if (n instanceof ScalarNode s && Tag.INT.equals(s.getTag())) {
            BigInteger b;
            try {
                b = integer(s.getValue().trim());
            } catch (NumberFormatException e) {
                problems.add(n, path, "'" + shown(s.getValue()) + "' is not a number", "write a whole number");
                return null;
            }
            if (b.compareTo(BigInteger.valueOf(lo)) < 0 || b.compareTo(BigInteger.valueOf(hi)) > 0) {
                problems.add(n, path, range(lo, hi) + ", got " + shown(s.getValue()),
                        rangeHint(lo, hi));
                return null;
            }
            return b.longValue();
        }
        Double x = number(n, path);
        if (x == null) {
            return null;
        }
        if (x != Math.rint(x)) {
            problems.add(n, path, "must be a whole number, got " + Input.plain(x), "round it to a whole number");
            return null;
        }
        if (x < lo || x > hi) {
            problems.add(n, path, range(lo, hi) + ", got " + Input.plain(x),
                    rangeHint(lo, hi));
            return null;
        }
        return (long) (double) x;
    }

    private static String range(long lo, long hi) {
        return hi == Long.MAX_VALUE ? "must be a whole number of at least " + lo
                : "must be a whole number from " + lo + " to " + String.format(Locale.ROOT, "%,d", hi);
    }

    private static String rangeHint(long lo, long hi) {
        return hi == Long.MAX_VALUE ? "use a whole number of at least " + lo
                : "use a whole number between " + lo + " and " + String.format(Locale.ROOT, "%,d", hi);
    }

    /** A number as written, shortened when it is too long to quote: 99999...99999 (900000 characters). */
    static String shown(String v) {
        return v.length() <= 40 ? v : v.substring(0, 15) + "..." + v.substring(v.length() - 15) + " ("
                + v.length() + " characters)";
    }

    /** More digits than this cannot be a usable number (doubles end near 1.8e308); they are not parsed. */
    private static final int MAX_DIGITS = 400;

    private static BigInteger integer(String v) {
        String t = v.startsWith("+") ? v.substring(1) : v;
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        }
        boolean negative = t.startsWith("-");
        String digits = negative ? t.substring(1) : t;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        if (digits.length() > MAX_DIGITS) {
            // BigInteger parses in quadratic time: a pasted million-digit number would take minutes.
            for (int i = 0; i < digits.length(); i++) {
                if (Character.digit(digits.charAt(i), radix) < 0) {
                    throw new NumberFormatException(v);
                }
            }
            BigInteger huge = BigInteger.ONE.shiftLeft(1100); // above every double and long
            return negative ? huge.negate() : huge;
        }
        BigInteger b = new BigInteger(digits, radix);
        return negative ? b.negate() : b;
    }

    /**
     * An input: a bare number or a one-key distribution map, checked against {@code domain}.
     *
     * @param path      field path for messages, e.g. {@code options[1].one_time_cost}
     * @param canonical the input's canonical path, e.g. {@code options.orchestrate.one_time_cost}
     */
    Input input(Node n, String path, String canonical, Domain domain) {
        Dist d = dist(n, path);
        if (d == null) {
            return null;
        }
        String tooLarge = tooLarge(d, domain);
        if (tooLarge != null) {
            problems.add(n, path, tooLarge, domain == Domain.GROWTH
                    ? "annual growth is a fraction: write 15% a year as 0.15; at most " + Input.plain(
                            Limits.MAX_ANNUAL_GROWTH) + " (+10,000% a year)"
                    : "every value an input can take must lie within ±1e15 (for a normal or lognormal, "
                            + "within 10 standard deviations of its centre) so that every figure stays computable");
            return null;
        }
        if (d.supportMax() < domain.lo() || d.supportMin() > domain.hi()) {
            problems.add(n, path, "every value of " + Nodes.render(n) + " lies outside the allowed range "
                    + domain.describe(), domainHint(domain));
            return null;
        }
        return new Input(canonical, d, domain, Nodes.render(n));
    }

    /** What is too large about {@code d} for the model to compute with, or null (see {@link Limits}). */
    static String tooLarge(Dist d, Domain domain) {
        double[] reach = reach(d);
        double lo = reach[0];
        double hi = reach[1];
        String what = d instanceof Dist.Normal ? "10 standard deviations of this normal reach "
                : d instanceof Dist.Lognormal ? "10 standard deviations of this lognormal reach " : "its values reach ";
        if (domain == Domain.GROWTH && !(hi <= Limits.MAX_ANNUAL_GROWTH)) {
            return what + Input.plain(hi) + ", above the largest annual growth " + Input.plain(Limits.MAX_ANNUAL_GROWTH);
        }
        if (!(Math.max(Math.abs(lo), Math.abs(hi)) <= Limits.MAX_MAGNITUDE)) {
            double far = Math.abs(lo) > Math.abs(hi) ? lo : hi;
            return what + (Double.isFinite(far) ? Input.plain(far) : (far > 0 ? "" : "-") + "infinity")
                    + ", too large to compute with (the limit is ±1e15)";
        }
        return null;
    }

    /**
     * The lowest and highest values {@code d} can give: its support, a normal's mean ± {@link
     * Limits#TAIL_SDS} sd, a lognormal's 10-sd tails (beyond anything the samplers draw).
     */
    static double[] reach(Dist d) {
        if (d instanceof Dist.Normal nd) {
            return new double[] {nd.mu() - Limits.TAIL_SDS * nd.sd(), nd.mu() + Limits.TAIL_SDS * nd.sd()};
        }
        if (d instanceof Dist.Lognormal ln) {
            return new double[] {Math.exp(ln.mu() - Limits.TAIL_SDS * ln.sigma()),
                    Math.exp(ln.mu() + Limits.TAIL_SDS * ln.sigma())};
        }
        return new double[] {d.supportMin(), d.supportMax()};
    }

    /**
     * What is wrong with {@code in} as a divisor of the model (orders, average order value, wage), or
     * null: its lowest value must be at least {@link Limits#MIN_POSITIVE} (see there).
     */
    static String notPositive(Input in) {
        Dist d = in.dist();
        double lowest = reach(d)[0];
        if (lowest >= Limits.MIN_POSITIVE) {
            return null;
        }
        if (d instanceof Dist.Normal) {
            return "this normal reaches " + Input.plain(lowest) + " within 10 standard deviations of its mean "
                    + "(draws below 0 would be clamped to 0)";
        }
        return (d instanceof Dist.Lognormal ? "10 standard deviations of this lognormal reach " : "its values reach ")
                + Input.plain(lowest);
    }

    static String domainHint(Domain domain) {
        return switch (domain) {
            case UNIT -> "rates, shares, effects and probabilities are fractions: write 15% as 0.15";
            case NON_NEGATIVE -> "amounts, counts and durations cannot be negative";
            case GROWTH -> "annual growth cannot fall below -1 (a 100% decline)";
        };
    }

    private Dist dist(Node n, String path) {
        if (!(n instanceof MappingNode map)) {
            if (n instanceof SequenceNode) {
                problems.add(n, path, "expected a number or a distribution, found a list",
                        "write a distribution as a one-key map, e.g. {pert: [min, mode, max]}");
                return null;
            }
            Double x = number(n, path);
            return x == null ? null : new Dist.Fixed(x);
        }
        List<NodeTuple> tuples = map.getValue();
        if (tuples.size() == 2 && Nodes.keyText(tuples.get(0).getKeyNode()) != null
                && Nodes.keyText(tuples.get(0).getKeyNode()).equals(Nodes.keyText(tuples.get(1).getKeyNode()))) {
            problems.add(tuples.get(1).getKeyNode(), path, "the distribution names '"
                    + Nodes.keyText(tuples.get(0).getKeyNode()) + "' twice", "keep one of them");
            return null;
        }
        if (tuples.size() != 1) {
            problems.add(n, path, "a distribution is a map with exactly one key, found " + tuples.size(),
                    "write e.g. {pert: [min, mode, max]} or {ci90: [lo, hi]}");
            return null;
        }
        Node keyNode = tuples.get(0).getKeyNode();
        Node arg = tuples.get(0).getValueNode();
        String form = Nodes.keyText(keyNode);
        if (form == null || !FORMS.contains(form)) {
            problems.add(keyNode, path, "unknown distribution '" + (form == null ? "?" : form) + "'",
                    Suggest.didYouMean(form == null ? "" : form, FORMS, "the forms are"));
            return null;
        }
        return switch (form) {
            case "fixed" -> {
                Double x = number(arg, path);
                yield x == null ? null : new Dist.Fixed(x);
            }
            case "uniform" -> {
                double[] p = numbers(arg, path, form, 2, "[lo, hi]");
                if (p == null) {
                    yield null;
                }
                if (!(p[0] < p[1])) {
                    yield bad(n, path, "uniform needs lo < hi, got " + list(p), "put the lower bound first");
                }
                yield new Dist.Uniform(p[0], p[1]);
            }
            case "triangular", "pert" -> {
                double[] p = numbers(arg, path, form, 3, "[min, mode, max]");
                if (p == null) {
                    yield null;
                }
                if (p[0] > p[1]) {
                    yield bad(n, path, form + " needs min <= mode <= max, but min " + Input.plain(p[0])
                            + " is above mode " + Input.plain(p[1]), "order the values as [min, mode, max]");
                }
                if (p[1] > p[2]) {
                    yield bad(n, path, form + " needs min <= mode <= max, but mode " + Input.plain(p[1])
                            + " is above max " + Input.plain(p[2]), "order the values as [min, mode, max]");
                }
                if (p[0] == p[2]) {
                    yield bad(n, path, form + " needs min < max, got " + list(p),
                            "for a value that never varies write the number alone");
                }
                yield form.equals("pert") ? new Dist.Pert(p[0], p[1], p[2]) : new Dist.Triangular(p[0], p[1], p[2]);
            }
            case "normal" -> {
                double[] p = numbers(arg, path, form, 2, "[mean, sd]");
                if (p == null) {
                    yield null;
                }
                if (!(p[1] > 0)) {
                    yield bad(n, path, "normal needs a standard deviation above 0, got " + Input.plain(p[1]),
                            "the second number is the spread (sd), e.g. {normal: [100, 15]}");
                }
                yield new Dist.Normal(p[0], p[1]);
            }
            case "lognormal" -> {
                double[] p = numbers(arg, path, form, 2, "[p5, p95]");
                if (p == null) {
                    yield null;
                }
                if (!(p[0] > 0)) {
                    yield bad(n, path, "lognormal needs p5 > 0, got " + Input.plain(p[0]),
                            "for a range that includes 0 or negative values use {ci90: [lo, hi]}");
                }
                if (!(p[0] < p[1])) {
                    yield bad(n, path, "lognormal needs p5 < p95, got " + list(p), "put the 5th percentile first");
                }
                yield new Dist.Lognormal(p[0], p[1]);
            }
            case "ci90" -> {
                double[] p = numbers(arg, path, form, 2, "[lo, hi]");
                if (p == null) {
                    yield null;
                }
                if (!(p[0] < p[1])) {
                    yield bad(n, path, "ci90 needs lo < hi, got " + list(p), "put the lower bound of the 90% interval first");
                }
                yield p[0] > 0 ? new Dist.Lognormal(p[0], p[1]) : Dist.Normal.ofCi90(p[0], p[1]);
            }
            case "bernoulli" -> {
                Double p = number(arg, path);
                if (p == null) {
                    yield null;
                }
                if (p < 0 || p > 1) {
                    yield bad(arg, path, "bernoulli p must lie between 0 and 1, got " + Input.plain(p),
                            "a probability is a fraction: write 30% as 0.3");
                }
                yield new Dist.Bernoulli(p);
            }
            case "discrete" -> discrete(n, arg, path);
            case "empirical" -> {
                double[] p = numbers(arg, path, form, -1, "[x1, x2, ...]");
                yield p == null ? null : new Dist.Empirical(p);
            }
            default -> throw new IllegalStateException(form);
        };
    }

    private Dist discrete(Node whole, Node arg, String path) {
        if (!(arg instanceof MappingNode m)) {
            problems.add(arg, path, "discrete needs {values: [...], weights: [...]}, found " + Nodes.describe(arg),
                    "write e.g. {discrete: {values: [0, 1, 2], weights: [5, 3, 2]}}");
            return null;
        }
        Node valuesNode = null;
        Node weightsNode = null;
        boolean ok = true;
        for (NodeTuple t : m.getValue()) {
            String k = Nodes.keyText(t.getKeyNode());
            if ("values".equals(k) && valuesNode == null) {
                valuesNode = t.getValueNode();
            } else if ("weights".equals(k) && weightsNode == null) {
                weightsNode = t.getValueNode();
            } else {
                problems.add(t.getKeyNode(), path, "unknown key '" + k + "' in discrete",
                        Suggest.didYouMean(k == null ? "" : k, List.of("values", "weights"), "the keys are"));
                ok = false;
            }
        }
        if (valuesNode == null || weightsNode == null) {
            problems.add(arg, path, "discrete needs both values and weights",
                    "write e.g. {discrete: {values: [0, 1, 2], weights: [5, 3, 2]}}");
            return null;
        }
        double[] values = numbers(valuesNode, path, "discrete values", -1, "[v1, v2, ...]");
        double[] weights = numbers(weightsNode, path, "discrete weights", -1, "[w1, w2, ...]");
        if (!ok || values == null || weights == null) {
            return null;
        }
        if (values.length != weights.length) {
            return bad(whole, path, "discrete has " + values.length + " values but " + weights.length + " weights",
                    "give one weight per value");
        }
        double sum = 0;
        for (double w : weights) {
            if (w < 0) {
                return bad(weightsNode, path, "discrete weights must not be negative, got " + Input.plain(w),
                        "weights are relative frequencies, 0 or more");
            }
            sum += w;
        }
        if (!(sum > 0)) {
            return bad(weightsNode, path, "discrete weights are all 0", "give at least one value a positive weight");
        }
        if (!(sum <= Limits.MAX_MAGNITUDE)) {
            return bad(weightsNode, path, "discrete weights add up to " + (Double.isFinite(sum) ? Input.plain(sum)
                    : "infinity") + ", more than 1e15", "weights are relative: scale them down, e.g. to percentages");
        }
        return new Dist.Discrete(values, weights);
    }

    private Dist bad(Node at, String path, String message, String suggestion) {
        problems.add(at, path, message, suggestion);
        return null;
    }

    /** A list of {@code arity} numbers (any positive count when arity is -1). */
    private double[] numbers(Node arg, String path, String form, int arity, String shape) {
        if (!(arg instanceof SequenceNode seq)) {
            problems.add(arg, path, form + " needs a list " + shape + ", found " + Nodes.describe(arg),
                    "write e.g. {" + form.split(" ")[0] + ": " + shape + "}");
            return null;
        }
        List<Node> items = seq.getValue();
        if (arity > 0 && items.size() != arity) {
            problems.add(arg, path, form + " needs " + arity + " numbers " + shape + ", found " + items.size(),
                    "write " + shape);
            return null;
        }
        if (items.isEmpty()) {
            problems.add(arg, path, form + " needs at least one number, found an empty list", "write " + shape);
            return null;
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (Node item : items) {
            Double x = number(item, path);
            ok &= x != null;
            out.add(x);
        }
        return ok ? out.stream().mapToDouble(Double::doubleValue).toArray() : null;
    }

    private static String list(double[] p) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < p.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Input.plain(p[i]));
        }
        return sb.append(']').toString();
    }
}
