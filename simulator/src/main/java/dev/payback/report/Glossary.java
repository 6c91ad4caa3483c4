package dev.payback.report;

import java.util.List;

/** The short glossary at the end of the report: every term the report uses that a reader may not know. */
public final class Glossary {
    private Glossary() {
    }

    /** One term and its meaning. */
    public record Term(String term, String meaning) {
    }

    /** The terms, in the order a reader meets them. */
    public static List<Term> terms() {
        return List.of(
                new Term("Future (simulated future, trial)", "One run of the model with one value drawn for every "
                        + "uncertain input. The report simulates many futures; \"in 80% of futures\" means in 80% of "
                        + "those runs."),
                new Term("Random seed", "The number that starts the random draws. The same scenario, random seed "
                        + "and number of futures always give the same figures."),
                new Term("The framework", "The operate-vs-orchestrate framework for small supply chains that this "
                        + "model follows: fix the node first when the problem is local, coordinate across nodes when "
                        + "it is not. Its thresholds, decision matrix and five tests come from it."),
                new Term("Status quo", "Doing nothing: the costs of today's problems continue."),
                new Term("Operate / orchestrate", "Operate: fix the node (cycle counts, standard work, clean data). "
                        + "Orchestrate: software and rules that coordinate orders and stock across channels, "
                        + "warehouses and teams."),
                new Term("NPV (net present value)", "Everything an option saves minus everything it costs over the "
                        + "horizon, with later money discounted at the scenario's discount rate. Above 0: it makes "
                        + "money."),
                new Term("P(NPV < 0), chance of losing money", "The share of futures in which an option's NPV is "
                        + "below 0."),
                new Term("P(best)", "The share of futures in which an option has the highest NPV of all choices, "
                        + "doing nothing (NPV 0) included."),
                new Term("Payback within 90 days, 6 months, 12 months", "The option's cumulative cash position "
                        + "(savings minus costs, the one-time cost included) is back at zero or above by then."),
                new Term("Payback bar", "What the business asks of an investment: payback within a number of "
                        + "months (decision.payback_months) in at least a share of futures "
                        + "(decision.payback_confidence)."),
                new Term("Max one-time cost", "The most the option could cost up front and still pay back within "
                        + "the time, at the confidence of the payback bar. When even a free start does not pay back "
                        + "in time, the report says so instead of giving a price."),
                new Term("First-year cost", "The one-time cost plus the first twelve months of running costs."),
                new Term("Year-one benefit", "What the option removes from the status quo's costs in its first "
                        + "twelve months, at its pace of adoption (nothing before go-live, then ramping up)."),
                new Term("Annualized pain", "What today's problems cost in the first year if nothing changes."),
                new Term("Percentiles: P10, median (P50), P90", "10% of futures fall below the P10, half below the "
                        + "median, 90% below the P90. P10 to P90 holds the middle 80% of futures."),
                new Term("Decision matrix", "The framework's score of the business from 6 to 30 over six "
                        + "categories; below 15 says operate, 15 to 22 improve the node and pilot orchestration, "
                        + "above 22 orchestrate."),
                new Term("Rank correlation", "How strongly two quantities rise and fall together, by their order "
                        + "rather than their size: +1 always together, 0 unrelated, −1 always opposite."),
                new Term("Swing", "How much an option's mean NPV differs between the futures in which an input is "
                        + "in its lowest tenth and those in which it is in its highest tenth."),
                new Term("EVPI (expected value of perfect information)", "How much expected NPV one would gain by "
                        + "knowing every input exactly before deciding: an upper bound on what any study is worth."),
                new Term("EVPPI (value of information of one input)", "The same for knowing one input exactly: "
                        + "a measurement that costs less than this is worth making before deciding."),
                new Term("Standard error, pp", "How much a probability could move if the simulation were run "
                        + "again with another random seed; pp are percentage points."),
                new Term("Clamped", "A drawn value outside what an input allows (a share above 100%, a negative "
                        + "count) is set to the nearest allowed value; the report counts how often."));
    }
}
