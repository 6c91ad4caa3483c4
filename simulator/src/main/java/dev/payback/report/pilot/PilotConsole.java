package dev.payback.report.pilot;

import dev.payback.analysis.PilotUpdate;

import java.util.Locale;

/** The plain-text report of {@code payback pilot}: the verdict first, then the table, ESS and warnings. */
public final class PilotConsole {
    private PilotConsole() {
    }

    /** The report as lines of text (ending in a newline). */
    public static String render(PilotUpdate.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(PilotText.verdict(r)).append('\n');
        if (r.hasChecklist()) {
            b.append(PilotText.checklist(r)).append('\n');
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%s: pilot of %s (%s) at %s of orders, %,d trials, seed %d%n",
                r.scenario().name(), r.option().id(), r.option().label(),
                dev.payback.analysis.Money.percent(r.pilot().scopeShare()), r.scenario().trials(),
                r.scenario().seed()));
        int width = 16;
        for (PilotText.Row row : PilotText.rows(r)) {
            width = Math.max(width, row.label().length());
        }
        String fmt = "%-" + width + "s  %-26s %s%n";
        b.append(String.format(Locale.ROOT, fmt, "", "projected (prior)", "after the pilot (updated)"));
        for (PilotText.Row row : PilotText.rows(r)) {
            b.append(String.format(Locale.ROOT, fmt, row.label(), row.prior(), row.updated()));
        }
        b.append('\n').append(PilotText.ess(r)).append('\n');
        for (String w : r.warnings()) {
            b.append("Warning: ").append(w).append('\n');
        }
        return b.toString();
    }
}
