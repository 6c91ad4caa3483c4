package dev.payback.analysis;

import dev.payback.engine.PilotPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a pilot-plan grid (docs/model.md section 7 per design): mean and P10 NPV, P(payback
 * within 12 months), P(go), P(false go), P(false stop), beside the big bang's; and the two picks,
 * the design with the highest mean NPV and the one with the highest P10 (the cautious pick).
 * Ties go to the design listed first.
 */
public record PilotPlanSummary(String scenario, String currency, String optionId, String optionLabel, int trials,
                               long seed, String sampling, Figures bigBang, List<Row> rows, int bestMean,
                               int bestP10) {

    /** One strategy's figures. */
    public record Figures(double meanNpv, double p10Npv, double pPayback12) {
    }

    /** One design and its figures. */
    public record Row(PilotPlan.Design design, Figures figures, double pGo, double pFalseGo, double pFalseStop) {
    }

    public PilotPlanSummary {
        rows = List.copyOf(rows);
        if (bestMean < 0 || bestMean >= rows.size() || bestP10 < 0 || bestP10 >= rows.size()) {
            throw new IllegalArgumentException("picks must name a design");
        }
    }

    /** Summarizes a grid run. */
    public static PilotPlanSummary of(PilotPlan.Result r) {
        double n = r.trials();
        List<Row> rows = new ArrayList<>();
        int bestMean = 0;
        int bestP10 = 0;
        // each per-design figure read once (the record hands out copies)
        double[] mean = r.meanNpv();
        long[] paid12 = r.paid12();
        long[] go = r.go();
        long[] falseGo = r.falseGo();
        long[] falseStop = r.falseStop();
        for (int d = 0; d < r.designs().size(); d++) {
            Figures f = new Figures(mean[d], p10(r.retainedNpv()[d]), paid12[d] / n);
            rows.add(new Row(r.designs().get(d), f, go[d] / n, falseGo[d] / n, falseStop[d] / n));
            if (f.meanNpv() > rows.get(bestMean).figures().meanNpv()) {
                bestMean = d;
            }
            if (f.p10Npv() > rows.get(bestP10).figures().p10Npv()) {
                bestP10 = d;
            }
        }
        Figures big = new Figures(r.bigBangMeanNpv(), p10(r.bigBangRetainedNpv()), r.bigBangPaid12() / n);
        var option = r.scenario().option(r.optionId());
        return new PilotPlanSummary(r.scenario().name(), r.scenario().currency(), r.optionId(), option.label(),
                r.scenario().trials(), r.scenario().seed(), r.sampling().key(), big, rows, bestMean, bestP10);
    }

    /** The 10th percentile (type 7), as summary.json's STATS computes it. */
    private static double p10(double[] values) {
        return OrderStatistics.quantiles(values, 0.10)[0];
    }
}
