package dev.payback.report;

import dev.payback.analysis.KpiTracks;
import dev.payback.analysis.Stats;
import dev.payback.analysis.Summary;
import dev.payback.report.charts.Palette;
import dev.payback.report.charts.TrackingCharts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.payback.report.HtmlReport.cell;
import static dev.payback.report.HtmlReport.row;

/**
 * The view model of report.html's "Vendors compared" and "Tracking plan" sections. Every number is
 * a cell carrying its summary.json pointer, as in the rest of the report.
 */
final class TrackingHtml {
    private TrackingHtml() {
    }

    /** The tracking plan section, or null when the summary has no KPI checkpoints. */
    static Map<String, Object> tracking(Summary s, List<HtmlReport.Chart> charts) {
        if (s.kpis().isEmpty()) {
            return null;
        }
        String cur = s.currency();
        Summary.KpiTrack today = s.kpiTrack(KpiTracks.STATUS_QUO);
        List<Integer> months = new ArrayList<>(today.stats().keySet());
        List<Map<String, Object>> heads = months.stream().map(m -> row("name", TrackingPlan.monthName(m))).toList();
        List<Map<String, Object>> plans = new ArrayList<>();
        for (int k = 0; k < s.options().size(); k++) {
            Summary.OptionSummary o = s.options().get(k);
            Summary.KpiTrack t = s.kpiTrack(o.id());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (TrackingPlan.Kpi kpi : TrackingPlan.KPIS) {
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int m : months) {
                    Stats base = today.stats().get(m).get(kpi.key());
                    Stats st = t.stats().get(m).get(kpi.key());
                    String at = "/kpis/" + o.id() + "/" + m + "/" + kpi.key();
                    cells.add(row(
                            "baseline", cell(base.p50(), "/kpis/status_quo/" + m + "/" + kpi.key() + "/p50", kpi.fmt(),
                                    cur),
                            "p10", cell(st.p10(), at + "/p10", kpi.fmt(), cur),
                            "p50", cell(st.p50(), at + "/p50", kpi.fmt(), cur),
                            "p90", cell(st.p90(), at + "/p90", kpi.fmt(), cur),
                            "checklist", cell(t.checklist().get(m).get(kpi.key()),
                                    "/kpi_checklist/" + o.id() + "/" + m + "/" + kpi.key(), kpi.fmt(), cur)));
                }
                rows.add(row("short", kpi.shortName(), "cells", cells));
            }
            List<String> sentences = months.stream().map(m -> TrackingPlan.checkpointSentence(s, o.id(), m)).toList();
            plans.add(row("id", o.id(), "label", o.label(), "colour", Palette.hex(Palette.option(k)),
                    "months", heads, "rows", rows, "sentences", sentences));
        }
        return row("intro", "For each option, what the five KPIs of the framework should read at 90 days, 6 months "
                        + "and 12 months if the case is on track. \"Status quo\" is doing nothing, at that month "
                        + "(median); \"projected\" is the option's median with P10–P90 below it; \"on track ≤\" "
                        + "is the value the option does at least as well as in "
                        + Money.percent(s.options().get(0).paybackConfidence()) + " of futures (the payback "
                        + "confidence): a pilot or rollout measured worse than that at the checkpoint is off track. "
                        + "Months count from the decision, so an option still being implemented shows today's values.",
                "definitions", TrackingPlan.KPIS.stream().map(kpi -> row("short", kpi.shortName(), "name",
                        kpi.name())).toList(),
                "plans", plans, "charts", HtmlReport.figures(charts, TrackingCharts.SECTION_TRACKING));
    }

    /** The vendors section, or null when fewer than two options have a scorecard. */
    static Map<String, Object> vendors(Summary s, List<HtmlReport.Chart> charts) {
        if (!VendorComparison.applies(s)) {
            return null;
        }
        String cur = s.currency();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Summary.OptionSummary o : VendorComparison.scored(s)) {
            // a staged rollout is the same vendor as its big-bang twin: listed once, as in the console,
            // the workbook's Vendors sheet and the chart; each vendor keeps its option's colour
            int k = s.options().indexOf(o);
            String at = "/options/" + o.id();
            rows.add(row("id", o.id(), "label", o.label(), "colour", Palette.hex(Palette.option(k)),
                    "score", cell(o.scorecardScore(), at + "/scorecard_score", "score", cur),
                    "npv50", cell(o.npv().p50(), at + "/npv/p50", "money", cur),
                    "npv10", cell(o.npv().p10(), at + "/npv/p10", "money", cur),
                    "payback12", cell(o.paybackProbability().get(12), at + "/payback_probability/12", "pct", cur),
                    "max12", HtmlReport.maxCostCell(o.maxOneTimeCost().get(12), at + "/max_one_time_cost/12", cur),
                    "quote", cell(o.oneTimeCost().p50(), at + "/one_time_cost/p50", "whole", cur),
                    "pBest", cell(s.pBest().get(o.id()), "/p_best/" + o.id(), "pct", cur)));
        }
        List<Map<String, Object>> weights = new ArrayList<>();
        for (Map.Entry<String, Double> w : s.scorecardWeights().entrySet()) {
            weights.add(row("name", w.getKey().replace('_', ' '),
                    "cell", cell(w.getValue(), "/scorecard_weights/" + w.getKey(), "score", cur)));
        }
        return row("rows", rows, "weights", weights, "sentence", VendorComparison.sentence(s),
                "confidence", Money.percent(s.options().get(0).paybackConfidence()),
                "charts", HtmlReport.figures(charts, TrackingCharts.SECTION_VENDORS));
    }
}
