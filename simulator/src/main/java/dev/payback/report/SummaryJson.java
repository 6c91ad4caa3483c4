package dev.payback.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.payback.analysis.Sensitivity;
import dev.payback.analysis.StandardErrors;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes a {@link Summary} as summary.json with the stable keys of docs/model.md section 5, in that
 * order, followed by the documented extensions. Money is not rounded; NaN and infinities are
 * written as null; the bytes depend only on the summary.
 *
 * <p>A double is written as the shortest decimal that reads back as the same double (Jackson's
 * Schubfach writer, the algorithm {@code Double.toString} adopted in JDK 19), whatever the JDK: on
 * JDK 17, {@code Double.toString} sometimes gives a digit more (2<sup>-31</sup> as
 * 4.6566128730773926E-10 instead of 4.656612873077393E-10), so the same run's JSON would differ
 * between Java versions.
 */
public final class SummaryJson {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private SummaryJson() {
    }

    /** The JSON bytes (UTF-8, pretty-printed, ending in a newline). */
    public static byte[] toBytes(Summary s) {
        return pretty(g -> write(g, s));
    }

    /** What writes one JSON document. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** A JSON document as every payback output file has it: UTF-8, pretty-printed, ending in a newline. */
    public static byte[] pretty(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    static void write(JsonGenerator g, Summary s) throws IOException {
        g.writeStartObject();
        g.writeStringField("scenario", s.scenario());
        g.writeNumberField("trials", s.trials());
        g.writeNumberField("seed", s.seed());
        g.writeStringField("sampling", s.sampling());
        g.writeStringField("currency", s.currency());
        g.writeNumberField("horizon_months", s.horizonMonths());
        stats(g, "annualized_pain", s.annualizedPain());
        stats(g, "pain_share_of_revenue", s.painShareOfRevenue());
        stats(g, "pain_fte", s.painFte());

        Summary.Thresholds t = s.thresholds();
        g.writeObjectFieldStart("thresholds");
        number(g, "pain_share_ge_1_5pct", t.painShareGe1_5pct());
        number(g, "pain_share_ge_3pct", t.painShareGe3pct());
        number(g, "pain_share_ge_5pct", t.painShareGe5pct());
        number(g, "fte_ge_1", t.fteGe1());
        number(g, "fte_ge_2", t.fteGe2());
        number(g, "exception_rate_ge_10pct", t.exceptionRateGe10pct());
        number(g, "exception_rate_ge_15pct", t.exceptionRateGe15pct());
        number(g, "inventory_accuracy_lt_95pct", t.inventoryAccuracyLt95pct());
        number(g, "reconciliation_ge_10pct_of_week", t.reconciliationGe10pctOfWeek());
        g.writeBooleanField("fulfillment_paths_ge_2", t.fulfillmentPathsGe2());
        g.writeEndObject();

        g.writeObjectFieldStart("options");
        for (Summary.OptionSummary o : s.options()) {
            g.writeObjectFieldStart(o.id());
            stats(g, "npv", o.npv());
            if (o.roi() == null) {
                g.writeNullField("roi");
            } else {
                stats(g, "roi", o.roi());
            }
            stats(g, "first_year_cost", o.firstYearCost());
            g.writeObjectFieldStart("cumulative_net");
            for (Map.Entry<Integer, Stats> e : sorted(o.cumulativeNet())) {
                stats(g, e.getKey().toString(), e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("payback_probability");
            for (Map.Entry<Integer, Double> e : sorted(o.paybackProbability())) {
                number(g, e.getKey().toString(), e.getValue());
            }
            g.writeEndObject();
            stats(g, "payback_month", o.paybackMonth());
            number(g, "p_no_payback", o.pNoPayback());
            number(g, "p_npv_negative", o.pNpvNegative());
            number(g, "p_pain_exceeds_first_year_cost", o.pPainExceedsFirstYearCost());
            g.writeObjectFieldStart("max_one_time_cost");
            for (Map.Entry<Integer, Double> e : sorted(o.maxOneTimeCost())) {
                number(g, e.getKey().toString(), e.getValue());
            }
            g.writeEndObject();
            number(g, "payback_confidence", o.paybackConfidence());
            // extensions
            g.writeStringField("label", o.label());
            g.writeStringField("kind", o.kind());
            stats(g, "one_time_cost", o.oneTimeCost());
            number(g, "scorecard_score", o.scorecardScore());
            if (o.gate() != null) {
                gate(g, o.gate());
            }
            stats(g, "year_one_benefit", o.yearOneBenefit());
            number(g, "p_year_one_benefit_exceeds_first_year_cost", o.pYearOneBenefitExceedsFirstYearCost());
            g.writeObjectFieldStart("payback_bar");
            g.writeNumberField("months", o.paybackMonths());
            number(g, "probability", o.paybackProbabilityAtBar());
            number(g, "max_one_time_cost", o.maxOneTimeCostAtBar());
            g.writeBooleanField("met", o.meetsBar());
            g.writeEndObject();
            if (s.sensitivity() != null) {
                sensitivity(g, s.sensitivity().forOption(o.id()));
            }
            g.writeEndObject();
        }
        g.writeEndObject();

        g.writeObjectFieldStart("p_best");
        for (Map.Entry<String, Double> e : s.pBest().entrySet().stream()
                .sorted((a, b) -> order(s, a.getKey()) - order(s, b.getKey())).toList()) {
            number(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();

        Summary.Decision d = s.decision();
        g.writeObjectFieldStart("decision");
        stats(g, "score", d.score());
        g.writeObjectFieldStart("verdict_probability");
        number(g, "operate", d.pOperate());
        number(g, "pilot", d.pPilot());
        number(g, "orchestrate", d.pOrchestrate());
        g.writeEndObject();
        g.writeStringField("verdict", d.verdict());
        g.writeEndObject();

        // extensions
        stats(g, "revenue", s.revenue());
        g.writeArrayFieldStart("five_tests");
        for (Summary.FiveTest ft : s.fiveTests()) {
            g.writeStartObject();
            g.writeNumberField("test", ft.number());
            g.writeStringField("question", FiveTestText.question(ft));
            g.writeStringField("evidence", FiveTestText.evidence(ft, s.currency()));
            g.writeStringField("leans", ft.leans());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("inputs");
        for (Summary.InputSummary in : s.inputs()) {
            g.writeStartObject();
            g.writeStringField("input", in.path());
            g.writeStringField("notation", in.notation());
            number(g, "p10", in.p10());
            number(g, "p50", in.p50());
            number(g, "p90", in.p90());
            number(g, "clamped_share", in.clampedShare());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (s.sensitivity() != null) {
            valueOfInformation(g, s.sensitivity());
        }
        kpis(g, s);
        scorecardWeights(g, s);
        recommendation(g, s);
        OverridesText.json(g, s.overrides());
        standardErrors(g, s);
        g.writeEndObject();
    }

    /**
     * docs/model.md section 8 and 9 extensions: {@code kpis} (STATS per strategy, month and KPI),
     * {@code kpi_checklist} (per option, month and KPI, the value the option does at least as well as
     * in a share q of trials).
     */
    private static void kpis(JsonGenerator g, Summary s) throws IOException {
        if (s.kpis().isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("kpis");
        for (Summary.KpiTrack t : s.kpis()) {
            g.writeObjectFieldStart(t.id());
            for (Map.Entry<Integer, Map<String, Stats>> month : t.stats().entrySet()) {
                g.writeObjectFieldStart(month.getKey().toString());
                for (Map.Entry<String, Stats> kpi : month.getValue().entrySet()) {
                    stats(g, kpi.getKey(), kpi.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("kpi_checklist");
        for (Summary.KpiTrack t : s.kpis()) {
            if (t.checklist().isEmpty()) {
                continue;
            }
            g.writeObjectFieldStart(t.id());
            for (Map.Entry<Integer, Map<String, Double>> month : t.checklist().entrySet()) {
                g.writeObjectFieldStart(month.getKey().toString());
                for (Map.Entry<String, Double> kpi : month.getValue().entrySet()) {
                    number(g, kpi.getKey(), kpi.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** scorecard_weights: the weights the scores were computed with (docs/model.md section 9). */
    private static void scorecardWeights(JsonGenerator g, Summary s) throws IOException {
        g.writeObjectFieldStart("scorecard_weights");
        for (Map.Entry<String, Double> w : s.scorecardWeights().entrySet()) {
            number(g, w.getKey(), w.getValue());
        }
        g.writeEndObject();
    }

    /** recommendation: the branch of the rule, the options it names, and the words. */
    private static void recommendation(JsonGenerator g, Summary s) throws IOException {
        dev.payback.analysis.Recommendation r = dev.payback.analysis.Recommendation.of(s);
        g.writeObjectFieldStart("recommendation");
        g.writeStringField("branch", r.branch().name().toLowerCase(java.util.Locale.ROOT));
        g.writeStringField("option", r.subject() == null ? null : r.subject().id());
        g.writeStringField("staged", r.staged() == null ? null : r.staged().id());
        g.writeStringField("alternative", r.alternative() == null ? null : r.alternative().id());
        g.writeStringField("sentence", RecommendationText.sentence(s, r));
        g.writeArrayFieldStart("reasons");
        for (String reason : RecommendationText.reasons(s, r)) {
            g.writeString(reason);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** options.&lt;id&gt;.sensitivity: largest swing first. */
    private static void sensitivity(JsonGenerator g, java.util.List<Sensitivity.Entry> entries) throws IOException {
        g.writeArrayFieldStart("sensitivity");
        for (Sensitivity.Entry e : entries) {
            g.writeStartObject();
            g.writeStringField("input", e.input());
            number(g, "spearman", e.spearman());
            number(g, "tornado_low", e.tornadoLow());
            number(g, "tornado_high", e.tornadoHigh());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** value_of_information: total EVPI and EVPPI per input, largest first. */
    private static void valueOfInformation(JsonGenerator g, Sensitivity sens) throws IOException {
        g.writeObjectFieldStart("value_of_information");
        number(g, "evpi", sens.evpi());
        g.writeArrayFieldStart("per_input");
        for (Sensitivity.Evppi e : sens.evppi()) {
            g.writeStartObject();
            g.writeStringField("input", e.input());
            number(g, "evppi", e.evppi());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * The standard_errors extension: the Monte Carlo standard error of each headline probability,
     * sqrt(p(1 − p)/n), and of each mean NPV, sd/sqrt(n), n = trials. These are the formulas of
     * independent draws: exact in expectation for random sampling, an upper bound for Latin
     * hypercube (whose variance of a mean is never larger, asymptotically), and only indicative for
     * Sobol' (see docs/model-notes.md).
     */
    static void standardErrors(JsonGenerator g, Summary s) throws IOException {
        double n = s.trials();
        g.writeObjectFieldStart("standard_errors");
        Summary.Thresholds t = s.thresholds();
        g.writeObjectFieldStart("thresholds");
        number(g, "pain_share_ge_1_5pct", StandardErrors.share(t.painShareGe1_5pct(), n));
        number(g, "pain_share_ge_3pct", StandardErrors.share(t.painShareGe3pct(), n));
        number(g, "pain_share_ge_5pct", StandardErrors.share(t.painShareGe5pct(), n));
        number(g, "fte_ge_1", StandardErrors.share(t.fteGe1(), n));
        number(g, "fte_ge_2", StandardErrors.share(t.fteGe2(), n));
        number(g, "exception_rate_ge_10pct", StandardErrors.share(t.exceptionRateGe10pct(), n));
        number(g, "exception_rate_ge_15pct", StandardErrors.share(t.exceptionRateGe15pct(), n));
        number(g, "inventory_accuracy_lt_95pct", StandardErrors.share(t.inventoryAccuracyLt95pct(), n));
        number(g, "reconciliation_ge_10pct_of_week", StandardErrors.share(t.reconciliationGe10pctOfWeek(), n));
        g.writeEndObject();
        g.writeObjectFieldStart("options");
        for (Summary.OptionSummary o : s.options()) {
            g.writeObjectFieldStart(o.id());
            number(g, "npv_mean", StandardErrors.mean(o.npv().sd(), n));
            g.writeObjectFieldStart("payback_probability");
            for (Map.Entry<Integer, Double> e : sorted(o.paybackProbability())) {
                number(g, e.getKey().toString(), StandardErrors.share(e.getValue(), n));
            }
            g.writeEndObject();
            number(g, "p_no_payback", StandardErrors.share(o.pNoPayback(), n));
            number(g, "p_npv_negative", StandardErrors.share(o.pNpvNegative(), n));
            number(g, "p_pain_exceeds_first_year_cost", StandardErrors.share(o.pPainExceedsFirstYearCost(), n));
            number(g, "p_year_one_benefit_exceeds_first_year_cost",
                    StandardErrors.share(o.pYearOneBenefitExceedsFirstYearCost(), n));
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("p_best");
        for (Map.Entry<String, Double> e : s.pBest().entrySet().stream()
                .sorted((a, b) -> order(s, a.getKey()) - order(s, b.getKey())).toList()) {
            number(g, e.getKey(), StandardErrors.share(e.getValue(), n));
        }
        g.writeEndObject();
        Summary.Decision d = s.decision();
        g.writeObjectFieldStart("verdict_probability");
        number(g, "operate", StandardErrors.share(d.pOperate(), n));
        number(g, "pilot", StandardErrors.share(d.pPilot(), n));
        number(g, "orchestrate", StandardErrors.share(d.pOrchestrate(), n));
        g.writeEndObject();
        if (s.percentileTrials() < s.trials()) {
            // Beyond the retention line percentiles come from a uniform random subset of the trials:
            // a p-quantile's rank (as a share of trials) carries the error sqrt(p(1 − p)/rows),
            // largest at the median. Written only then, so runs within the line are unchanged.
            g.writeObjectFieldStart("percentiles");
            g.writeNumberField("trials", s.percentileTrials());
            number(g, "rank_error_p50", StandardErrors.share(0.5, s.percentileTrials()));
            number(g, "rank_error_p5_p95", StandardErrors.share(0.05, s.percentileTrials()));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes a STATS block (docs/model.md section 5). */
    public static void stats(JsonGenerator g, String name, Stats st) throws IOException {
        g.writeObjectFieldStart(name);
        number(g, "mean", st.mean());
        number(g, "sd", st.sd());
        number(g, "p5", st.p5());
        number(g, "p10", st.p10());
        number(g, "p25", st.p25());
        number(g, "p50", st.p50());
        number(g, "p75", st.p75());
        number(g, "p90", st.p90());
        number(g, "p95", st.p95());
        number(g, "min", st.min());
        number(g, "max", st.max());
        g.writeEndObject();
    }

    /** A number, or null when it is NaN or infinite. */
    public static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    /** docs/model.md section 7: {@code options.<id>_staged.gate}, then the design it evaluated (extensions). */
    private static void gate(JsonGenerator g, Summary.Gate gate) throws IOException {
        g.writeObjectFieldStart("gate");
        number(g, "p_go", gate.pGo());
        number(g, "p_false_go", gate.pFalseGo());
        number(g, "p_false_stop", gate.pFalseStop());
        stats(g, "observed_reduction", gate.observedReduction());
        stats(g, "value_of_staging", gate.valueOfStaging());
        // extensions
        g.writeStringField("big_bang", gate.twin());
        number(g, "pilot_share", gate.pilotShare());
        g.writeNumberField("pilot_months", gate.pilotMonths());
        number(g, "exception_rate_reduction_target", gate.target());
        number(g, "p_no_gate", gate.pNoGate());
        g.writeEndObject();
    }

    private static <V> Iterable<Map.Entry<Integer, V>> sorted(Map<Integer, V> m) {
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static int order(Summary s, String id) {
        if (id.equals("status_quo")) {
            return -1;
        }
        for (int k = 0; k < s.options().size(); k++) {
            if (s.options().get(k).id().equals(id)) {
                return k;
            }
        }
        return Integer.MAX_VALUE;
    }
}
