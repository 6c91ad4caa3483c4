package dev.payback.report.pilot;

import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotUpdate.Warning;

import java.util.List;
import java.util.Locale;

/** The pilot comparison's warnings in words, for the console, pilot.html and summary.json alike. */
public final class PilotWarnings {
    private PilotWarnings() {
    }

    /** Every warning of a result, in order. */
    public static List<String> of(PilotUpdate.Result r) {
        return r.warnings().stream().map(PilotWarnings::text).toList();
    }

    /** One warning. */
    public static String text(Warning w) {
        if (w instanceof Warning.BaselineOutside b) {
            return String.format(Locale.ROOT,
                    "the pilot's baseline exception rate %.4g lies outside every exception rate the scenario draws "
                            + "(%.4g to %.4g): the scenario does not describe this operation; correct "
                            + "pain.exception_rate (and the pilot's scope) rather than running more trials",
                    b.baseline(), b.lo(), b.hi());
        }
        if (w instanceof Warning.LowEss e) {
            String remedy = switch (e.remedy()) {
                case MORE_TRIALS -> String.format(Locale.ROOT, "run more trials (about --trials %,d)", e.count());
                case BEYOND_ANY_RUN -> "more trials cannot fix it (it would take over "
                        + String.format(Locale.ROOT, "%,d", e.count()) + "): the pilot lies far outside the "
                        + "scenario's projected exception rates; check the scenario's pain.exception_rate and the "
                        + "option's effect";
                case BEYOND_RETAINED -> "more trials cannot fix it within the retained trials ("
                        + String.format(Locale.ROOT, "%,d", e.count()) + "): the pilot lies far outside the "
                        + "scenario's projected exception rates; check the scenario's pain.exception_rate and the "
                        + "option's effect";
            };
            return String.format(Locale.ROOT,
                    "only %.0f effective trials of %,d carry the update (ESS below 1,000): the updated figures are "
                            + "noisy; %s", e.ess(), e.trials(), remedy);
        }
        if (w instanceof Warning.ScopeOutside sc) {
            return String.format(Locale.ROOT,
                    "the pilot's orders at scope_share %s imply %,.0f orders a month for the whole business, outside "
                            + "the scenario's P5-P95 range of %,.0f to %,.0f: check scope_share and the order counts",
                    dev.payback.scenario.Input.plain(sc.scopeShare()), sc.impliedOrders(), sc.p5(), sc.p95());
        }
        throw new IllegalArgumentException("unknown warning " + w);
    }
}
