package dev.payback.analysis;

import java.util.List;
import java.util.Objects;

/**
 * The one thing to do, derived from a run's {@link Summary} by one rule (docs/model-notes.md, "The
 * recommendation"). The rule and its thresholds live here; the words live in {@code report}.
 *
 * <ol>
 *   <li>The leader is the strategy with the highest mean NPV; the status quo counts with NPV 0. When
 *       no strategy has a positive mean NPV, or the status quo is the most likely best choice
 *       (its P(best) is the largest), the answer is {@link Branch#DO_NOTHING}.</li>
 *   <li>When the leader is a staged strategy ({@code <id>_staged}), or its staged twin lowers the
 *       chance of losing money by at least {@link #PILOT_RISK_CUT} while keeping at least
 *       {@link #PILOT_VALUE_KEPT} of the leader's mean NPV: {@link Branch#PILOT}.</li>
 *   <li>When the leader pays back within the bar (payback_months) in at least a share q
 *       (payback_confidence) of futures: {@link Branch#BUY} for an orchestrate option,
 *       {@link Branch#FIX_NODE} for an operate option.</li>
 *   <li>When its max one-time cost at the bar is negative: {@link Branch#NOT_EVEN_FREE}.</li>
 *   <li>Otherwise: {@link Branch#BUY_AT_PRICE}, the price being that max one-time cost.</li>
 * </ol>
 *
 * @param branch       which branch of the rule applies
 * @param subject      the option the sentence is about (the leader; for {@link Branch#PILOT} the
 *                     big-bang option whose staged rollout is recommended); null for DO_NOTHING
 *                     when no option has a positive mean NPV
 * @param staged       the staged strategy, when the subject has one (else null)
 * @param alternative  the option with the highest mean NPV among those (other than the subject)
 *                     that meet the bar with a positive mean NPV, or null
 * @param statusQuoPBest the status quo's P(best)
 * @param verdict      the decision matrix's most probable verdict
 * @param verdictShare the probability of that verdict
 * @param score        the decision matrix score's median
 */
public record Recommendation(Branch branch, Summary.OptionSummary subject, Summary.OptionSummary staged,
                             Summary.OptionSummary alternative, double statusQuoPBest, double subjectPBest,
                             String verdict, double verdictShare, double score) {

    /** The staged twin must cut P(NPV &lt; 0) by at least this much (in probability) ... */
    public static final double PILOT_RISK_CUT = 0.05;
    /** ... while keeping at least this share of the big-bang mean NPV. */
    public static final double PILOT_VALUE_KEPT = 0.75;
    /** Suffix of the staged strategy's id (docs/model.md section 7). */
    public static final String STAGED_SUFFIX = "_staged";

    /** The branches of the rule. */
    public enum Branch {
        /** Buy the orchestrate option: it meets the payback bar. */
        BUY,
        /** Buy (or fix) only at a one-time cost at most the max one-time cost at the bar. */
        BUY_AT_PRICE,
        /** Pilot first: the staged rollout. */
        PILOT,
        /** Fix the node first: the operate option leads and meets the bar. */
        FIX_NODE,
        /** Do nothing yet: the status quo leads. */
        DO_NOTHING,
        /** The leader does not pay back within the bar even at a one-time cost of 0. */
        NOT_EVEN_FREE
    }

    public Recommendation {
        Objects.requireNonNull(branch, "branch");
        if (branch != Branch.DO_NOTHING) {
            Objects.requireNonNull(subject, "subject");
        }
        if (branch == Branch.PILOT) {
            Objects.requireNonNull(staged, "staged");
        }
    }

    /** The recommendation of a run. */
    public static Recommendation of(Summary s) {
        List<Summary.OptionSummary> options = s.options();
        double sqBest = s.pBest().getOrDefault("status_quo", 0.0);
        Summary.Decision d = s.decision();
        String verdict = d.verdict();
        double verdictShare = switch (verdict) {
            case "operate" -> d.pOperate();
            case "pilot" -> d.pPilot();
            default -> d.pOrchestrate();
        };
        double score = d.score().p50();

        Summary.OptionSummary leader = null;
        for (Summary.OptionSummary o : options) {
            if (o.npv().mean() > 0 && (leader == null || o.npv().mean() > leader.npv().mean())) {
                leader = o;
            }
        }
        boolean statusQuoMostLikelyBest = true;
        for (Summary.OptionSummary o : options) {
            if (s.pBest().getOrDefault(o.id(), 0.0) > sqBest) {
                statusQuoMostLikelyBest = false;
            }
        }
        if (leader == null || statusQuoMostLikelyBest) {
            return new Recommendation(Branch.DO_NOTHING, leader, null, null, sqBest,
                    leader == null ? 0 : s.pBest().getOrDefault(leader.id(), 0.0), verdict, verdictShare, score);
        }

        // The big-bang option and its staged twin, whichever of the two leads.
        Summary.OptionSummary bigBang = leader;
        Summary.OptionSummary staged = null;
        if (leader.id().endsWith(STAGED_SUFFIX)) {
            Summary.OptionSummary base = find(options,
                    leader.id().substring(0, leader.id().length() - STAGED_SUFFIX.length()));
            if (base != null) {
                bigBang = base;
                staged = leader;
            }
        } else {
            staged = find(options, leader.id() + STAGED_SUFFIX);
        }
        Summary.OptionSummary alternative = null;
        for (Summary.OptionSummary o : options) {
            if (o != bigBang && o != staged && o.npv().mean() > 0 && o.meetsBar()
                    && (alternative == null || o.npv().mean() > alternative.npv().mean())) {
                alternative = o;
            }
        }
        double pBest = s.pBest().getOrDefault(leader.id(), 0.0);

        if (staged != null && (leader == staged || (staged.npv().mean() > 0
                && staged.pNpvNegative() <= bigBang.pNpvNegative() - PILOT_RISK_CUT
                && staged.npv().mean() >= PILOT_VALUE_KEPT * bigBang.npv().mean()))) {
            return new Recommendation(Branch.PILOT, bigBang, staged, alternative, sqBest, pBest, verdict,
                    verdictShare, score);
        }
        Branch branch;
        if (leader.meetsBar()) {
            branch = leader.kind().equals("operate") ? Branch.FIX_NODE : Branch.BUY;
        } else if (leader.maxOneTimeCostAtBar() < 0) {
            branch = Branch.NOT_EVEN_FREE;
        } else {
            branch = Branch.BUY_AT_PRICE;
        }
        return new Recommendation(branch, leader, staged, alternative, sqBest, pBest, verdict, verdictShare, score);
    }

    private static Summary.OptionSummary find(List<Summary.OptionSummary> options, String id) {
        for (Summary.OptionSummary o : options) {
            if (o.id().equals(id)) {
                return o;
            }
        }
        return null;
    }
}
