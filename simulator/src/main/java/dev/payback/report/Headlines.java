package dev.payback.report;

import dev.payback.analysis.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The headline figures of one option, as columns shared by summary.csv and the Options sheet of
 * business-case.xlsx: each column has a header, a kind (how to format it) and its value. Values
 * are the summary's numbers, unrounded; a null value is an empty cell.
 */
public final class Headlines {
    private Headlines() {
    }

    /**
     * How a column is formatted in the workbook: SHARE1 is a share always shown with one decimal (a
     * share of revenue, 5.4%), as the console and report.html show it.
     */
    public enum Kind { TEXT, MONEY, SHARE, SHARE1, NUMBER }

    /** One column. */
    public record Column(String header, Kind kind, Function<Row, Object> value) {
    }

    /** The inputs of a row: the run's summary and one of its options. */
    public record Row(Summary summary, Summary.OptionSummary option) {
    }

    /** The columns, in order. */
    public static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("scenario", Kind.TEXT, r -> r.summary().scenario()));
        c.add(new Column("option", Kind.TEXT, r -> r.option().id()));
        c.add(new Column("label", Kind.TEXT, r -> r.option().label()));
        c.add(new Column("kind", Kind.TEXT, r -> r.option().kind()));
        c.add(new Column("currency", Kind.TEXT, r -> r.summary().currency()));
        c.add(new Column("trials", Kind.NUMBER, r -> r.summary().trials()));
        c.add(new Column("seed", Kind.NUMBER, r -> r.summary().seed()));
        c.add(new Column("one_time_cost_p50", Kind.MONEY, r -> finite(r.option().oneTimeCost().p50())));
        c.add(new Column("first_year_cost_p50", Kind.MONEY, r -> finite(r.option().firstYearCost().p50())));
        c.add(new Column("annualized_pain_p50", Kind.MONEY, r -> finite(r.summary().annualizedPain().p50())));
        c.add(new Column("p_pain_exceeds_first_year_cost", Kind.SHARE,
                r -> finite(r.option().pPainExceedsFirstYearCost())));
        c.add(new Column("npv_p10", Kind.MONEY, r -> finite(r.option().npv().p10())));
        c.add(new Column("npv_p50", Kind.MONEY, r -> finite(r.option().npv().p50())));
        c.add(new Column("npv_p90", Kind.MONEY, r -> finite(r.option().npv().p90())));
        c.add(new Column("p_npv_negative", Kind.SHARE, r -> finite(r.option().pNpvNegative())));
        c.add(new Column("roi_p50", Kind.SHARE, r -> r.option().roi() == null ? null : finite(r.option().roi().p50())));
        for (int m : new int[] {3, 6, 12}) {
            c.add(new Column("payback_probability_" + m, Kind.SHARE,
                    r -> finite(r.option().paybackProbability().get(m))));
        }
        c.add(new Column("payback_month_p50", Kind.NUMBER, r -> finite(r.option().paybackMonth().p50())));
        c.add(new Column("p_no_payback", Kind.SHARE, r -> finite(r.option().pNoPayback())));
        for (int m : new int[] {3, 6, 12}) {
            c.add(new Column("max_one_time_cost_" + m, Kind.MONEY, r -> finite(r.option().maxOneTimeCost().get(m))));
        }
        c.add(new Column("payback_confidence", Kind.SHARE, r -> finite(r.option().paybackConfidence())));
        c.add(new Column("p_best", Kind.SHARE, r -> finite(r.summary().pBest().get(r.option().id()))));
        c.add(new Column("p_status_quo_best", Kind.SHARE, r -> finite(r.summary().pBest().get("status_quo"))));
        c.add(new Column("decision_verdict", Kind.TEXT, r -> r.summary().decision().verdict()));
        // which run this is: the stress preset and the --set overrides (empty for the base case)
        c.add(new Column("stress", Kind.TEXT, r -> r.summary().overrides().stress()));
        c.add(new Column("set", Kind.TEXT, r -> String.join("; ", r.summary().overrides().sets())));
        // how the inputs were drawn (--sampling); appended so that the earlier columns keep their places
        c.add(new Column("sampling", Kind.TEXT, r -> r.summary().sampling()));
        return c;
    }

    /** The value, or null when it is NaN or infinite (an empty cell). */
    static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }
}
