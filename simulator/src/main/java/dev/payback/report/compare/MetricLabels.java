package dev.payback.report.compare;

/** A compared metric's name in words, from its summary.json key: "orchestrate: mean NPV". */
final class MetricLabels {
    private MetricLabels() {
    }

    static String of(String key) {
        switch (key) {
            case "annualized_pain.p50":
                return "Annualized pain of the status quo, P50";
            case "p_best.status_quo":
                return "status quo: P(best)";
            case "decision.verdict":
                return "Verdict";
            default:
                break;
        }
        if (key.startsWith("p_best.")) {
            return key.substring("p_best.".length()) + ": P(best)";
        }
        if (key.startsWith("options.")) {
            String rest = key.substring("options.".length());
            int dot = rest.indexOf('.');
            String id = rest.substring(0, dot);
            String figure = rest.substring(dot + 1);
            if (figure.equals("npv.mean")) {
                return id + ": mean NPV";
            }
            if (figure.equals("npv.p50")) {
                return id + ": NPV P50";
            }
            if (figure.startsWith("payback_probability.")) {
                // "90 days", "6 months", "12 months": the checkpoints' names in every other output
                return id + ": P(payback within " + dev.payback.engine.Checkpoint.labelOf(
                        Integer.parseInt(figure.substring("payback_probability.".length()))) + ")";
            }
            if (figure.equals("max_one_time_cost.12")) {
                return id + ": max one-time cost for 12-month payback";
            }
        }
        throw new IllegalArgumentException("no words for the metric " + key);
    }
}
