package dev.payback.report.pilot;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;
import dev.payback.report.OverridesText;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.report.SummaryJson;
import dev.payback.scenario.Pilot;

import java.io.IOException;
import java.util.Map;

/**
 * The summary.json of {@code payback pilot}: {@code prior} and {@code updated} blocks with the keys
 * of docs/model.md section 5's {@code options.<id>} for the piloted option (plus its P(best), exception
 * effect and baseline exception rate), and the {@code pilot} block of section 6. NaN and infinities
 * are written as null, as in {@link SummaryJson}.
 */
public final class PilotJson {

    private PilotJson() {
    }

    /** The JSON bytes (UTF-8, pretty-printed, ending in a newline). */
    public static byte[] toBytes(PilotUpdate.Result r) {
        return SummaryJson.pretty(g -> write(g, r, null));
    }

    /** The JSON with the two-part {@code verdict}, {@code all_options} and {@code overrides} extensions. */
    public static byte[] toBytes(PilotUpdate.Result r, PilotVerdict v) {
        return SummaryJson.pretty(g -> write(g, r, v));
    }

    private static void write(JsonGenerator g, PilotUpdate.Result r, PilotVerdict v) throws IOException {
        g.writeStartObject();
        g.writeStringField("scenario", r.scenario().name());
        g.writeStringField("pilot_file", r.pilot().source());
        g.writeNumberField("trials", r.scenario().trials());
        g.writeNumberField("seed", r.scenario().seed());
        g.writeStringField("sampling", r.sampling());
        g.writeStringField("currency", r.scenario().currency());
        g.writeNumberField("horizon_months", r.scenario().horizonMonths());
        g.writeStringField("option", r.option().id());
        figures(g, "prior", r.prior());
        figures(g, "updated", r.updated());

        Pilot p = r.pilot();
        g.writeObjectFieldStart("pilot");
        SummaryJson.number(g, "observed_reduction", r.observedReduction());
        SummaryJson.stats(g, "projected_reduction", r.prior().projectedReduction());
        SummaryJson.number(g, "percentile", r.percentile());
        g.writeBooleanField("go", r.go());
        SummaryJson.number(g, "ess", r.ess());
        if (r.percentilesFromRows()) {
            // beyond the retention line only (so runs within it are unchanged): the weighted percentiles'
            // rows and their rank error sqrt(p(1−p)/ESS of the rows)
            g.writeObjectFieldStart("weighted_percentiles");
            g.writeNumberField("rows", r.rows());
            SummaryJson.number(g, "rows_ess", r.rowsEss());
            SummaryJson.number(g, "rank_error_p50", dev.payback.analysis.StandardErrors.medianRank(r.rowsEss()));
            SummaryJson.number(g, "rank_error_p10_p90", dev.payback.analysis.StandardErrors.p10Rank(r.rowsEss()));
            g.writeEndObject();
        }
        // extensions
        SummaryJson.stats(g, "projected_reduction_updated", r.updated().projectedReduction());
        g.writeObjectFieldStart("success_criteria");
        for (PilotUpdate.Criterion c : r.criteria()) {
            g.writeObjectFieldStart(c.name());
            SummaryJson.number(g, "target", c.target());
            SummaryJson.number(g, "observed", c.observed());
            g.writeBooleanField("met", c.met());
            g.writeEndObject();
        }
        g.writeEndObject();
        SummaryJson.number(g, "scope_share", p.scopeShare());
        g.writeNumberField("last_live_month", p.lastLive().month());
        SummaryJson.number(g, "baseline_rate", p.baselineRate());
        SummaryJson.number(g, "last_rate", p.lastLive().rate());
        if (r.hasChecklist()) {
            SummaryJson.number(g, "checklist_90_days_exception_rate", r.checklist90());
            g.writeBooleanField("on_track_at_90_days", p.lastLive().rate() <= r.checklist90());
        }
        g.writeArrayFieldStart("months");
        for (Pilot.Month m : p.months()) {
            g.writeStartObject();
            g.writeNumberField("month", m.month());
            g.writeNumberField("orders", m.orders());
            g.writeNumberField("exceptions", m.exceptions());
            SummaryJson.number(g, "rate", m.rate());
            if (m.hasPromises()) {
                g.writeNumberField("promises", m.promises());
                g.writeNumberField("promises_kept", m.promisesKept());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("projected_rate");
        for (PilotUpdate.MonthBand b : r.bands()) {
            g.writeStartObject();
            g.writeNumberField("month", b.month());
            band(g, "prior", b.prior());
            band(g, "updated", b.updated());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("warnings");
        for (String w : PilotWarnings.of(r)) {
            g.writeString(w);
        }
        g.writeEndArray();
        g.writeEndObject();
        if (v != null) {
            verdict(g, v);
            OverridesText.json(g, r.scenario().overrides());
        }
        g.writeEndObject();
    }

    /** The verdict extension: both parts, the price, and every option and the status quo re-weighted. */
    private static void verdict(JsonGenerator g, PilotVerdict v) throws IOException {
        g.writeObjectFieldStart("verdict");
        g.writeBooleanField("go", v.go());
        g.writeBooleanField("target_hit", v.targetHit());
        g.writeBooleanField("payback_bar_met", v.barMet());
        g.writeNumberField("payback_months", v.barMonths());
        SummaryJson.number(g, "payback_confidence", v.confidence());
        SummaryJson.number(g, "payback_probability_prior", v.priorPayback());
        SummaryJson.number(g, "payback_probability_updated", v.payback());
        SummaryJson.number(g, "price", v.price());
        g.writeStringField("price_basis", v.actualPrice() ? "actual_one_time_cost" : "median_projected_one_time_cost");
        SummaryJson.number(g, "max_one_time_cost_prior", v.priorMaxOneTimeCost());
        SummaryJson.number(g, "max_one_time_cost_updated", v.maxOneTimeCost());
        g.writeObjectFieldStart("success_criteria");
        for (PilotUpdate.Criterion c : v.criteria()) {
            g.writeObjectFieldStart(c.name());
            SummaryJson.number(g, "target", c.target());
            SummaryJson.number(g, "observed", c.observed());
            g.writeBooleanField("met", c.met());
            g.writeEndObject();
        }
        g.writeEndObject();
        if (v.atPrice() != null) {
            PilotVerdict.AtPrice a = v.atPrice();
            g.writeObjectFieldStart("at_actual_one_time_cost");
            SummaryJson.number(g, "one_time_cost", a.oneTimeCost());
            SummaryJson.number(g, "mean_npv", a.meanNpv());
            SummaryJson.number(g, "p_npv_negative", a.pNpvNegative());
            g.writeObjectFieldStart("payback_probability");
            SummaryJson.number(g, "3", a.payback3());
            SummaryJson.number(g, "6", a.payback6());
            SummaryJson.number(g, "12", a.payback12());
            g.writeEndObject();
            SummaryJson.number(g, "payback_probability_bar", a.paybackBar());
            SummaryJson.number(g, "payback_probability_bar_prior", a.priorPaybackBar());
            g.writeEndObject();
        }
        g.writeStringField("leader", v.leader());
        g.writeArrayFieldStart("what_would_make_it_go");
        for (String s : PilotVerdictText.whatWouldMakeItGo(v)) {
            g.writeString(s);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("all_options");
        for (PilotVerdict.OptionFigures f : v.options()) {
            g.writeObjectFieldStart(f.id());
            g.writeBooleanField("piloted", f.piloted());
            SummaryJson.number(g, "p_best_prior", f.priorPBest());
            SummaryJson.number(g, "p_best_updated", f.updatedPBest());
            SummaryJson.number(g, "mean_npv_prior", f.priorMeanNpv());
            SummaryJson.number(g, "mean_npv_updated", f.updatedMeanNpv());
            SummaryJson.number(g, "payback_probability_12_prior", f.priorPayback12());
            SummaryJson.number(g, "payback_probability_12_updated", f.updatedPayback12());
            SummaryJson.number(g, "p_npv_negative_prior", f.priorPNpvNegative());
            SummaryJson.number(g, "p_npv_negative_updated", f.updatedPNpvNegative());
            SummaryJson.number(g, "payback_probability_bar_prior", f.priorPaybackBar());
            SummaryJson.number(g, "payback_probability_bar_updated", f.updatedPaybackBar());
            g.writeEndObject();
        }
        g.writeObjectFieldStart(PilotVerdict.STATUS_QUO);
        SummaryJson.number(g, "p_best_prior", v.priorStatusQuoBest());
        SummaryJson.number(g, "p_best_updated", v.updatedStatusQuoBest());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void band(JsonGenerator g, String name, double[] p) throws IOException {
        g.writeObjectFieldStart(name);
        SummaryJson.number(g, "p10", p[0]);
        SummaryJson.number(g, "p50", p[1]);
        SummaryJson.number(g, "p90", p[2]);
        g.writeEndObject();
    }

    /** One option block, keys as in docs/model.md section 5 options.&lt;id&gt;, then the pilot's additions. */
    private static void figures(JsonGenerator g, String name, PilotUpdate.Figures f) throws IOException {
        Summary.OptionSummary o = f.option();
        g.writeObjectFieldStart(name);
        SummaryJson.stats(g, "npv", o.npv());
        if (o.roi() == null) {
            g.writeNullField("roi");
        } else {
            SummaryJson.stats(g, "roi", o.roi());
        }
        SummaryJson.stats(g, "first_year_cost", o.firstYearCost());
        g.writeObjectFieldStart("cumulative_net");
        for (Map.Entry<Integer, Stats> e : sorted(o.cumulativeNet())) {
            SummaryJson.stats(g, e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("payback_probability");
        for (Map.Entry<Integer, Double> e : sorted(o.paybackProbability())) {
            SummaryJson.number(g, e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        SummaryJson.stats(g, "payback_month", o.paybackMonth());
        SummaryJson.number(g, "p_no_payback", o.pNoPayback());
        SummaryJson.number(g, "p_npv_negative", o.pNpvNegative());
        SummaryJson.number(g, "p_pain_exceeds_first_year_cost", o.pPainExceedsFirstYearCost());
        g.writeObjectFieldStart("max_one_time_cost");
        for (Map.Entry<Integer, Double> e : sorted(o.maxOneTimeCost())) {
            SummaryJson.number(g, e.getKey().toString(), e.getValue());
        }
        g.writeEndObject();
        SummaryJson.number(g, "payback_confidence", o.paybackConfidence());
        g.writeStringField("label", o.label());
        g.writeStringField("kind", o.kind());
        SummaryJson.stats(g, "one_time_cost", o.oneTimeCost());
        SummaryJson.number(g, "p_best", f.pBest());
        SummaryJson.stats(g, "exception_rate_effect", f.exceptionEffect());
        SummaryJson.stats(g, "baseline_exception_rate", f.baselineExceptionRate());
        g.writeEndObject();
    }

    private static <V> Iterable<Map.Entry<Integer, V>> sorted(Map<Integer, V> m) {
        return m.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
    }
}
