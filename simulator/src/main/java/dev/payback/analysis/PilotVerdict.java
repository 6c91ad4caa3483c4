package dev.payback.analysis;

import dev.payback.engine.Column;
import dev.payback.engine.OptionColumns;
import dev.payback.engine.RunStats;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.engine.TrialEvents;
import dev.payback.scenario.Driver;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Pilot;
import dev.payback.scenario.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * The pilot's verdict in two parts (docs/model-notes.md, "Pilot verdict"), both stated:
 *
 * <ol>
 *   <li><b>Target</b>: every success criterion met: the exception-rate reduction of docs/model.md section 6;
 *       the promise-accuracy increase {@code acc_last / acc_base − 1} (observed counts against the
 *       target only, no weighting: the scenario model has no promise-accuracy driver); the actual pilot
 *       cost at or below {@code max_pilot_cost}.</li>
 *   <li><b>Bar</b>: the updated business case meets the payback bar, P(payback within T* months) ≥ q
 *       (T* = decision.payback_months, 12 by default; q = decision.payback_confidence), under the pilot's
 *       weights: the bar {@code simulate} judges (docs/model.md section 10). With {@code actual_one_time_cost} the
 *       one-time cost of every trial is replaced by it: payback within T ⇔ max_{m≤T}(cum_m + C) ≥ C'
 *       (docs/model.md section 2's max one-time cost, per trial) and NPV' = NPV + C − C' (month 0 is not
 *       discounted).</li>
 * </ol>
 * Go only when both hold. After the update every option and the status quo are re-weighted with the
 * same weights, so a no-go names the option that now leads (highest updated P(best)).
 *
 * @param update          the figures of the piloted option (docs/model.md section 6)
 * @param criteria        every success criterion with its target and observed value
 * @param targetHit       every criterion met
 * @param confidence      the payback bar q
 * @param barMonths       T*, the payback bar in months (decision.payback_months)
 * @param priorPayback    P(payback within T* months) before the pilot, at the price
 * @param payback         P(payback within T* months) after the pilot, at the price
 * @param barMet          payback ≥ q
 * @param price           the one-time cost the bar is judged at: actual_one_time_cost, else the median
 *                        projected one-time cost (the quote)
 * @param actualPrice     whether {@code price} is the pilot's actual_one_time_cost
 * @param maxOneTimeCost  the updated max one-time cost for payback within T* months at confidence q
 * @param priorMaxOneTimeCost the same before the pilot
 * @param maxOneTimeCost12 the updated max one-time cost for payback within 12 months at confidence q (the
 *                        {@code max_one_time_cost_12_updated} column, whatever T* is)
 * @param atPrice         with an actual one-time cost: the updated figures at that price, else null
 * @param go              targetHit and barMet
 * @param options         every option, prior and updated (scenario order)
 * @param priorStatusQuoBest   the status quo's P(best) before the pilot
 * @param updatedStatusQuoBest the status quo's P(best) after the pilot
 * @param leader          the id (or "status_quo") with the highest updated P(best); ties go to the first
 * @param projectedFullEffect the updated median exception-rate effect r of the piloted option: the
 *                        reduction it reaches at full adoption
 * @param rampLeft        the updated median share of the ramp still ahead after the last live month
 *                        (1 − a_iJ), 0 when adoption is complete
 */
public record PilotVerdict(PilotUpdate.Result update, List<PilotUpdate.Criterion> criteria, boolean targetHit,
                           double confidence, int barMonths, double priorPayback, double payback, boolean barMet,
                           double price, boolean actualPrice, double maxOneTimeCost, double priorMaxOneTimeCost,
                           double maxOneTimeCost12, AtPrice atPrice,
                           boolean go, List<OptionFigures> options, double priorStatusQuoBest,
                           double updatedStatusQuoBest, String leader, double projectedFullEffect, double rampLeft) {
    /** The id of the status quo in {@link #leader}. */
    public static final String STATUS_QUO = "status_quo";
    /** The 12-month checkpoint of the columns named for it (payback_probability_12_*, max_one_time_cost_12_*). */
    static final int TWELVE = 12;

    public PilotVerdict {
        if (barMonths < 1) {
            throw new IllegalArgumentException("barMonths must be >= 1");
        }
        criteria = List.copyOf(criteria);
        options = List.copyOf(options);
    }

    /**
     * The piloted option's figures with the one-time cost replaced by the actual one: P(payback within
     * 3, 6, 12 and T* months), after the pilot and (12 and T*) before it.
     */
    public record AtPrice(double oneTimeCost, double meanNpv, double pNpvNegative, double payback3,
                          double payback6, double payback12, double priorPayback12, double paybackBar,
                          double priorPaybackBar) {
    }

    /** One option before and after the pilot; the payback figures within 12 and within T* months. */
    public record OptionFigures(String id, String label, boolean piloted, double priorPBest, double updatedPBest,
                                double priorMeanNpv, double updatedMeanNpv, double priorPayback12,
                                double updatedPayback12, double priorPNpvNegative, double updatedPNpvNegative,
                                double priorPaybackBar, double updatedPaybackBar) {
    }

    /** The verdict of {@code update}, computed from the run it was made from. */
    public static PilotVerdict of(SimulationResult r, Pilot pilot, PilotUpdate.Result update) {
        return of(r, pilot, update, null);
    }

    /**
     * The verdict of {@code update}, with {@code stream} (may be null) the pilot's weighted sums over every
     * trial of the run: beyond the retention line every share and mean here comes from it, the median
     * share of the ramp left from the retained rows ({@link PilotUpdate#analyze(SimulationResult, Pilot, PilotStream)}).
     */
    public static PilotVerdict of(SimulationResult r, Pilot pilot, PilotUpdate.Result update, PilotStream stream) {
        boolean streamed = PilotUpdate.streamed(r, stream);
        Scenario s = r.scenario();
        TrialColumns c = r.columns();
        int n = r.retained();
        int k = s.options().indexOf(update.option());
        double[] w = weights(r, pilot, k);
        double[] prior = Weighted.uniform(n);

        List<PilotUpdate.Criterion> criteria = new ArrayList<>(update.criteria());
        if (pilot.hasPromiseCriterion()) {
            double obs = pilot.observedPromiseIncrease();
            criteria.add(new PilotUpdate.Criterion("promise_accuracy_increase", pilot.promiseAccuracyIncrease(),
                    obs, obs >= pilot.promiseAccuracyIncrease()));
        }
        if (!Double.isNaN(pilot.maxPilotCost())) {
            criteria.add(new PilotUpdate.Criterion("max_pilot_cost", pilot.maxPilotCost(), pilot.actualPilotCost(),
                    pilot.actualPilotCost() <= pilot.maxPilotCost()));
        }
        boolean targetHit = criteria.stream().allMatch(PilotUpdate.Criterion::met);

        double q = s.paybackConfidence();
        int bar = s.paybackMonths();
        OptionColumns oc = c.option(k);
        int j12 = checkpoint(TWELVE);
        boolean actual = !Double.isNaN(pilot.actualOneTimeCost());
        AtPrice atPrice = null;
        double priorPayback = update.prior().option().paybackProbabilityAtBar();
        double payback = update.updated().option().paybackProbabilityAtBar();
        double price = update.prior().option().oneTimeCost().p50();
        if (actual) {
            price = pilot.actualOneTimeCost();
            double[] oneTime = r.input("options." + update.option().id() + ".one_time_cost");
            double[] npv = new double[n];
            boolean[] negative = new boolean[n];
            for (int i = 0; i < n; i++) {
                npv[i] = oc.npv().get(i) + oneTime[i] - price;
                negative[i] = npv[i] < 0;
            }
            double[] p = new double[3];
            int[] months = {3, 6, 12};
            for (int m = 0; m < 3; m++) {
                p[m] = paidAt(oc.maxCumulativeBeforeOneTime(checkpoint(months[m])), price, w);
            }
            double prior12 = paidAt(oc.maxCumulativeBeforeOneTime(j12), price, prior);
            priorPayback = paidAt(oc.maxCumulativeAtBar(), price, prior);
            payback = paidAt(oc.maxCumulativeAtBar(), price, w);
            if (streamed) {
                int up = PilotStream.UPDATED;
                for (int m = 0; m < 3; m++) {
                    p[m] = stream.share(up, PilotStream.key(k, "paid_" + months[m] + "_at_price"));
                }
                prior12 = stream.share(PilotStream.PRIOR, PilotStream.key(k, "paid_12_at_price"));
                priorPayback = stream.share(PilotStream.PRIOR, PilotStream.key(k, "paid_bar_at_price"));
                payback = stream.share(up, PilotStream.key(k, "paid_bar_at_price"));
                atPrice = new AtPrice(price, stream.moments(up, PilotStream.key(k, "npv_at_price")).weightedMean(),
                        stream.share(up, PilotStream.key(k, "npv_negative_at_price")), p[0], p[1], p[2], prior12,
                        payback, priorPayback);
            } else {
                atPrice = new AtPrice(price, Weighted.stats(npv, w).mean(), Weighted.share(negative, w), p[0], p[1],
                        p[2], prior12, payback, priorPayback);
            }
        }
        boolean barMet = payback >= q;

        // every strategy of the run (options, then staged rollouts), straight from its columns
        List<OptionFigures> options = new ArrayList<>();
        List<dev.payback.scenario.Strategy> strategies = s.strategies();
        for (int o = 0; o < strategies.size(); o++) {
            dev.payback.scenario.Strategy st = strategies.get(o);
            OptionColumns col = c.option(o);
            boolean[] best = new boolean[n];
            boolean[] paid = new boolean[n];
            boolean[] paidAtBar = new boolean[n];
            boolean[] negative = new boolean[n];
            for (int i = 0; i < n; i++) {
                best[i] = c.best(i) == o + 1;
                paid[i] = TrialEvents.paidBackWithin(col.paybackMonth(i), TWELVE);
                paidAtBar[i] = TrialEvents.paidBackWithin(col.paybackMonth(i), bar);
                negative[i] = col.npv().get(i) < 0;
            }
            if (streamed) {
                // the prior is simulate's figures exactly (RunStats, every trial); the update the stream's
                RunStats rs = r.stats();
                double all = rs.trials();
                int up = PilotStream.UPDATED;
                options.add(new OptionFigures(st.id(), st.label(), o == k && !st.staged(), rs.best(o + 1) / all,
                        stream.share(up, PilotStream.key(o, "best")), rs.option(o, RunStats.NPV).mean(),
                        stream.moments(up, PilotStream.key(o, "npv")).weightedMean(),
                        rs.optionCount(o, RunStats.PAID_3 + j12) / all, stream.share(up, PilotStream.key(o, "paid_12")),
                        rs.optionCount(o, RunStats.NPV_NEGATIVE) / all,
                        stream.share(up, PilotStream.key(o, "npv_negative")),
                        rs.optionCount(o, RunStats.PAID_BAR) / all, stream.share(up, PilotStream.key(o, "paid_bar"))));
                continue;
            }
            options.add(new OptionFigures(st.id(), st.label(), o == k && !st.staged(), Weighted.share(best, prior),
                    Weighted.share(best, w), Weighted.stats(col.npv().toArray(), prior).mean(),
                    Weighted.stats(col.npv().toArray(), w).mean(),
                    Weighted.share(paid, prior), Weighted.share(paid, w), Weighted.share(negative, prior),
                    Weighted.share(negative, w), Weighted.share(paidAtBar, prior), Weighted.share(paidAtBar, w)));
        }
        boolean[] statusQuo = new boolean[n];
        for (int i = 0; i < n; i++) {
            statusQuo[i] = c.best(i) == 0;
        }
        double sqPrior = streamed ? (double) r.stats().best(0) / r.stats().trials() : Weighted.share(statusQuo, prior);
        double sqUpdated = streamed ? stream.share(PilotStream.UPDATED, PilotStream.key(PilotStream.STATUS_QUO, "best"))
                : Weighted.share(statusQuo, w);
        String leader = STATUS_QUO;
        double best = sqUpdated;
        for (OptionFigures f : options) {
            if (f.updatedPBest() > best) {
                best = f.updatedPBest();
                leader = f.id();
            }
        }

        double[] ramp = r.input("options." + update.option().id() + ".ramp_months");
        double[] left = new double[n];
        int last = pilot.lastLive().month();
        for (int i = 0; i < n; i++) {
            left[i] = 1 - PilotUpdate.adoption(last, ramp == null ? 0 : ramp[i]);
        }
        return new PilotVerdict(update, criteria, targetHit, q, bar, priorPayback, payback, barMet, price, actual,
                update.updated().option().maxOneTimeCostAtBar(), update.prior().option().maxOneTimeCostAtBar(),
                update.updated().option().maxOneTimeCost().get(TWELVE), atPrice, targetHit && barMet, options,
                sqPrior, sqUpdated, leader, update.updated().exceptionEffect().p50(),
                Weighted.quantile(left, w, 0.5));
    }

    /** The weighted share of trials whose max_{m≤T}(cum_m + C) reaches {@code price}. */
    private static double paidAt(Column maxBeforeOneTime, double price, double[] w) {
        boolean[] paid = new boolean[w.length];
        for (int i = 0; i < w.length; i++) {
            paid[i] = maxBeforeOneTime.get(i) >= price;
        }
        return Weighted.share(paid, w);
    }

    private static int checkpoint(int month) {
        for (int j = 0; j < OptionColumns.CHECKPOINTS.size(); j++) {
            if (OptionColumns.CHECKPOINTS.get(j) == month) {
                return j;
            }
        }
        throw new IllegalStateException("no checkpoint at month " + month);
    }

    /** The pilot's weights of docs/model.md section 6, as {@link PilotUpdate#analyze} computes them. */
    private static double[] weights(SimulationResult r, Pilot pilot, int k) {
        double[] e = exceptionRate(r);
        double[] ramp = r.input("options." + r.scenario().options().get(k).id() + ".ramp_months");
        if (ramp == null) {
            ramp = new double[r.retained()];
        }
        double[] effect = r.columns().option(k).exceptionEffect().toArray();
        return PilotUpdate.weights(PilotUpdate.logLikelihoods(pilot, e, effect, ramp));
    }

    private static double[] exceptionRate(SimulationResult r) {
        double[] e = r.input(Driver.EXCEPTION_RATE.path());
        return e != null ? e : new double[r.retained()];
    }
}
