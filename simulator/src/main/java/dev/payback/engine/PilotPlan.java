package dev.payback.engine;

import dev.payback.sampling.InputSampler;
import dev.payback.sampling.SamplingMethod;
import dev.payback.scenario.Domain;
import dev.payback.scenario.Input;
import dev.payback.scenario.InvalidInputException;
import dev.payback.scenario.OptionSpec;
import dev.payback.scenario.Scenario;
import dev.payback.scenario.Stages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code payback pilot-plan}: a grid of pilot designs of one option's staged rollout (docs/model.md
 * section 7), evaluated on common random numbers. Each block's inputs are sampled once and run
 * through the trial model once; every design is evaluated on that same trial beside the run's own
 * strategies (its gate measurement shared by designs of the same share and length), so designs
 * differ only by design. Means are merged per block in block order exactly as {@link RunStats}
 * does, and the retained trials are the engine's, so a design equal to the scenario's own
 * {@code stages} reproduces {@code simulate}'s {@code <id>_staged} figures to the bit.
 */
public final class PilotPlan {
    private PilotPlan() {
    }

    /** One pilot design: share of orders, live months before the gate, the go target. */
    public record Design(double share, int months, double target) {
        public Design {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("share must lie in (0, 1): " + share);
            }
            if (months < 1) {
                throw new IllegalArgumentException("months must be >= 1: " + months);
            }
            if (!(target >= 0 && target <= 1)) {
                throw new IllegalArgumentException("target must lie in [0, 1]: " + target);
            }
        }
    }

    /**
     * The raw result: per design (in grid order) and for the big bang, the exact mean NPV over all
     * trials, counts over all trials, and the NPVs of the retained trials (for percentiles).
     *
     * <p>The per-design figures (one value a design) are copied in and out (no shared state); read
     * each once, not once per design. The retained NPVs are per-trial columns (a design's retained
     * trials, up to the run's retention line, as {@link SimulationResult}'s columns) and are shared,
     * not copied: only their shape is checked.
     *
     * @param scenario     the scenario as run (with the option's stages, added when it had none)
     * @param baseStages   the stages the explicit pilot and expansion costs were quoted for
     * @param paid12       per design, the trials that pay back within 12 months
     * @param go           per design, the trials whose gate says go
     * @param falseGo      per design, the trials whose gate says go where the big bang loses money
     * @param falseStop    per design, the trials whose gate says stop where the big bang makes money
     * @param retainedNpv  per design, the NPVs of the retained trials (shared)
     * @param bigBangRetainedNpv the big bang's NPVs of the same retained trials (shared)
     * @param sampling     how the inputs were drawn
     */
    public record Result(Scenario scenario, String optionId, Stages baseStages, List<Design> designs,
                         double[] meanNpv, long[] paid12, long[] go, long[] falseGo, long[] falseStop,
                         double[][] retainedNpv, double bigBangMeanNpv, long bigBangPaid12,
                         double[] bigBangRetainedNpv, dev.payback.sampling.SamplingMethod sampling) {
        public Result {
            designs = List.copyOf(designs);
            Objects.requireNonNull(sampling, "sampling");
            int nd = designs.size();
            if (meanNpv.length != nd || paid12.length != nd || go.length != nd || falseGo.length != nd
                    || falseStop.length != nd || retainedNpv.length != nd) {
                throw new IllegalArgumentException("each per-design figure needs one value for each of the "
                        + nd + " designs");
            }
            long n = scenario.trials();
            for (int d = 0; d < nd; d++) {
                if (paid12[d] < 0 || paid12[d] > n || go[d] < 0 || go[d] > n || falseGo[d] < 0 || falseGo[d] > go[d]
                        || falseStop[d] < 0 || falseStop[d] > n - go[d]) {
                    throw new IllegalArgumentException("design " + d + "'s counts do not fit " + n + " trials: paid "
                            + paid12[d] + ", go " + go[d] + ", false go " + falseGo[d] + ", false stop " + falseStop[d]);
                }
                if (retainedNpv[d].length != bigBangRetainedNpv.length) {
                    throw new IllegalArgumentException("design " + d + " retains " + retainedNpv[d].length
                            + " trials, the big bang " + bigBangRetainedNpv.length);
                }
            }
            if (bigBangPaid12 < 0 || bigBangPaid12 > n) {
                throw new IllegalArgumentException("the big bang's count does not fit " + n + " trials: " + bigBangPaid12);
            }
            meanNpv = meanNpv.clone();
            paid12 = paid12.clone();
            go = go.clone();
            falseGo = falseGo.clone();
            falseStop = falseStop.clone();
        }

        @Override
        public double[] meanNpv() {
            return meanNpv.clone();
        }

        @Override
        public long[] paid12() {
            return paid12.clone();
        }

        @Override
        public long[] go() {
            return go.clone();
        }

        @Override
        public long[] falseGo() {
            return falseGo.clone();
        }

        @Override
        public long[] falseStop() {
            return falseStop.clone();
        }

        public long trials() {
            return scenario.trials();
        }
    }

    /**
     * The scenario with the option's staged rollout: its own {@code stages} when it has them,
     * otherwise the first design with the default costs (docs/model.md section 7).
     *
     * @throws IllegalArgumentException when the option is unknown or has no exception_rate effect
     */
    public static Scenario withStages(Scenario s, String optionId, Design first) {
        OptionSpec o = s.option(optionId);
        if (o == null) {
            throw new IllegalArgumentException("no option " + optionId);
        }
        if (o.stages() != null) {
            return s;
        }
        Stages st = new Stages(first.share(), first.months(), null, null,
                Input.fixed("options." + optionId + ".stages.stop_cost", 0, Domain.NON_NEGATIVE), first.target());
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec x : s.options()) {
            options.add(x == o ? o.withStages(st) : x);
        }
        return new Scenario(s.source(), s.name(), s.currency(), s.horizonMonths(), s.discountRate(), s.trials(),
                s.seed(), s.business(), s.pain(), options, s.correlations(), s.paybackConfidence(), s.stress(),
                s.paybackMonths(), s.scorecardWeights());
    }

    /** Evaluates the designs on {@code withStages(s, optionId, designs.get(0))}'s trials. */
    public static Result run(Scenario s0, String optionId, List<Design> designs, Engine.Options options)
            throws InvalidInputException {
        Objects.requireNonNull(designs, "designs");
        if (designs.isEmpty()) {
            throw new IllegalArgumentException("at least one design");
        }
        Scenario s = withStages(s0, optionId, designs.get(0));
        Layout layout = Layout.of(s);
        TrialModel model = new TrialModel(s, layout);
        int twin = -1;
        for (int k = 0; k < s.options().size(); k++) {
            if (s.options().get(k).id().equals(optionId)) {
                twin = k;
            }
        }
        int staged = -1;
        for (int j = 0; j < layout.stagedCount(); j++) {
            if (layout.stagedTwin(j) == twin) {
                staged = j;
            }
        }
        Stages base = s.options().get(twin).stages();
        int nd = designs.size();
        double[] share = new double[nd];
        int[] months = new int[nd];
        double[] target = new double[nd];
        double[] pilotScale = new double[nd];
        double[] expansionScale = new double[nd];
        for (int d = 0; d < nd; d++) {
            Design x = designs.get(d);
            share[d] = x.share();
            months[d] = x.months();
            target[d] = x.target();
            // an explicit quote scales with the scope: twice the share, twice the pilot cost
            pilotScale[d] = x.share() / base.pilotShare();
            expansionScale[d] = (1 - x.share()) / (1 - base.pilotShare());
        }

        int trials = s.trials();
        int blocks = (int) ((trials + (long) InputSampler.BLOCK - 1) / InputSampler.BLOCK);
        // the same retained trials as a run of the scenario (Engine.retention), so figures agree exactly
        Retention retention = Engine.retention(options, layout, trials);
        int kept = retention.rows();
        // [block][design + 1] partial n, mean, m2 (the last slot is the big bang)
        long[] blockN = new long[blocks * (nd + 1)];
        double[] blockMean = new double[blocks * (nd + 1)];
        double[] blockM2 = new double[blocks * (nd + 1)];
        long[][] counts = new long[5][nd + 1];
        double[][] retained = new double[nd + 1][kept];
        InputSampler sampler = InputSampler.of(layout.inputs(), s.correlations());
        SamplingMethod method = options.sampling();
        int columns = layout.inputs().size();
        int threads = Math.max(1, Math.min(options.threads(), blocks));
        AtomicLong next = new AtomicLong();
        final int stagedIndex = staged;
        final int twinIndex = twin;
        List<Runnable> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(() -> {
                BlockSource.Filler filler = sampler.newWorker(method)::fill;
                TrialModel.Scratch scratch = model.newScratch();
                TrialModel.Designs ds = new TrialModel.Designs(stagedIndex, share, months, target, pilotScale,
                        expansionScale, InputSampler.BLOCK);
                scratch.designs = ds;
                double[][] block = new double[columns][InputSampler.BLOCK];
                TrialColumns out = new TrialColumns(InputSampler.BLOCK, layout);
                long[] clamp = new long[columns];
                long[][] c = new long[5][nd + 1];
                for (long b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    int first = (int) (b * InputSampler.BLOCK);
                    int n = Math.min(InputSampler.BLOCK, trials - first);
                    filler.fill(s.seed(), b, n, block, clamp);
                    for (int t = 0; t < n; t++) {
                        model.evaluate(block, t, out, scratch, null, 0);
                    }
                    double[] bigBang = out.options[twinIndex].npv;
                    for (int d = 0; d <= nd; d++) {
                        OptionColumns oc = d < nd ? ds.out[d] : out.options[twinIndex];
                        moments((int) b, d, nd + 1, oc.npv, n, blockN, blockMean, blockM2);
                        for (int t = 0; t < n; t++) {
                            int m = oc.paybackMonth[t];
                            c[0][d] += m != 0 && m <= 12 ? 1 : 0;
                        }
                        if (d < nd) {
                            byte[] g = ds.gates[d].outcome;
                            for (int t = 0; t < n; t++) {
                                c[1][d] += g[t] == GateColumns.GO ? 1 : 0;
                                c[2][d] += g[t] == GateColumns.GO && bigBang[t] < 0 ? 1 : 0;
                                c[3][d] += g[t] == GateColumns.STOP && bigBang[t] > 0 ? 1 : 0;
                            }
                        }
                        retention.gather(oc.npv, b, retained[d]);
                    }
                }
                synchronized (counts) {
                    for (int q = 0; q < c.length; q++) {
                        for (int d = 0; d <= nd; d++) {
                            counts[q][d] += c[q][d];
                        }
                    }
                }
            });
        }
        Engine.runAll(workers);

        double[] mean = new double[nd + 1];
        for (int d = 0; d <= nd; d++) {
            mean[d] = mergedMean(d, nd + 1, blocks, blockN, blockMean, blockM2);
        }
        double[][] designNpv = new double[nd][];
        System.arraycopy(retained, 0, designNpv, 0, nd);
        return new Result(s, optionId, base, designs, java.util.Arrays.copyOf(mean, nd),
                java.util.Arrays.copyOf(counts[0], nd), java.util.Arrays.copyOf(counts[1], nd),
                java.util.Arrays.copyOf(counts[2], nd), java.util.Arrays.copyOf(counts[3], nd), designNpv,
                mean[nd], counts[0][nd], retained[nd], options.sampling());
    }

    /** The block's n, mean and Σ(x − mean)², computed as {@link RunStats} does. */
    private static void moments(int b, int s, int series, double[] x, int n, long[] blockN, double[] blockMean,
            double[] blockM2) {
        int at = b * series + s;
        blockN[at] = n;
        double sum = 0;
        for (int t = 0; t < n; t++) {
            sum += x[t];
        }
        double mean = sum / n;
        double m2 = 0;
        for (int t = 0; t < n; t++) {
            double d = x[t] - mean;
            m2 += d * d;
        }
        blockMean[at] = mean;
        blockM2[at] = m2;
    }

    /** The blocks merged in block order by {@link RunStats#merge} (so the mean is the same double). */
    private static double mergedMean(int s, int series, int blocks, long[] blockN, double[] blockMean,
            double[] blockM2) {
        return RunStats.merge(s, series, blocks, blockN, blockMean, blockM2, Double.NaN, Double.NaN).mean();
    }
}
