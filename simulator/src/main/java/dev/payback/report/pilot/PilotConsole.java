package dev.payback.report.pilot;

import dev.payback.report.SamplingText;
import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;
import dev.payback.report.ConsoleWidth;
import dev.payback.report.OverridesText;

import java.util.List;
import java.util.Locale;

/** The plain-text report of {@code payback pilot}: the verdict first, then the table, ESS and warnings. */
public final class PilotConsole {
    private PilotConsole() {
    }

    /**
     * The report with the two-part verdict first (target, payback bar and price), what would make a
     * no-go a go, the option that leads after the update, then the piloted option's table, every
     * option and the status quo before and after, ESS and warnings; at most 100 columns wide.
     */
    public static String render(PilotUpdate.Result r, PilotVerdict v) {
        StringBuilder b = new StringBuilder();
        b.append(ConsoleWidth.wrap("", PilotVerdictText.headline(v), 2));
        b.append(ConsoleWidth.wrap("  ", PilotVerdictText.target(v), 5));
        b.append(ConsoleWidth.wrap("  ", PilotVerdictText.bar(v), 5));
        if (r.hasChecklist()) {
            // beside the verdict: the measured rate against the 90-day checklist (docs/model.md section 8)
            b.append(ConsoleWidth.wrap("", PilotText.checklist(r), 2));
        }
        List<String> next = PilotVerdictText.whatWouldMakeItGo(v);
        if (!next.isEmpty()) {
            b.append("What would make it go:\n");
            for (String s : next) {
                b.append(ConsoleWidth.wrap("  - ", s, 4));
            }
        }
        b.append(ConsoleWidth.wrap("", PilotVerdictText.leader(v), 2));
        String staged = PilotText.stagedNote(r);
        if (staged != null) {
            b.append(ConsoleWidth.wrap("", staged, 2));
        }
        b.append('\n');
        b.append(ConsoleWidth.wrap("", String.format(Locale.ROOT, "%s: pilot of %s at %s of orders, %,d trials, "
                        + "seed %d, %s", r.scenario().name(), r.option().id(),
                dev.payback.report.Money.percent(r.pilot().scopeShare()), r.scenario().trials(),
                r.scenario().seed(), SamplingText.name(r.sampling())), 2));
        if (!r.scenario().overrides().isBase()) {
            b.append(ConsoleWidth.wrap("", OverridesText.line(r.scenario().overrides()), 2));
        }
        int width = 16;
        for (PilotText.Row row : PilotText.rows(r)) {
            width = Math.max(width, row.label().length());
        }
        width = Math.min(width, 54);
        String fmt = "%-" + width + "s  %-22s %s%n";
        b.append(String.format(Locale.ROOT, fmt, "", "projected (prior)", "after the pilot"));
        for (PilotText.Row row : PilotText.rows(r)) {
            b.append(ConsoleWidth.cut(String.format(Locale.ROOT, fmt, ConsoleWidth.cut(row.label(), width),
                    row.prior(), row.updated()).stripTrailing(), ConsoleWidth.WIDTH)).append('\n');
        }
        b.append('\n').append("Every option before and after the pilot (re-weighted by the pilot's months):\n");
        List<PilotVerdictText.OptionRow> rows = PilotVerdictText.optionRows(v);
        int name = 10;
        for (PilotVerdictText.OptionRow row : rows) {
            name = Math.max(name, row.name().length());
        }
        name = Math.min(name, 30);
        String f2 = "  %-" + name + "s  %-15s  %-19s  %s%n";
        b.append(String.format(Locale.ROOT, f2, "", "P(best)", "mean NPV", "P(payback <= " + v.barMonths() + ")"));
        for (PilotVerdictText.OptionRow row : rows) {
            b.append(String.format(Locale.ROOT, f2, ConsoleWidth.cut(row.name(), name),
                    row.priorBest() + " -> " + row.updatedBest(), row.priorNpv() + " -> " + row.updatedNpv(),
                    row.priorPayback().isEmpty() ? "" : row.priorPayback() + " -> " + row.updatedPayback())
                    .stripTrailing()).append('\n');
        }
        b.append('\n').append(ConsoleWidth.wrap("", PilotText.ess(r), 2));
        for (String w : PilotWarnings.of(r)) {
            b.append(ConsoleWidth.wrap("Warning: ", w, 2));
        }
        return b.toString();
    }

    /** The report as lines of text (ending in a newline). */
    public static String render(PilotUpdate.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(PilotText.verdict(r)).append('\n');
        if (r.hasChecklist()) {
            b.append(PilotText.checklist(r)).append('\n');
        }
        b.append('\n');
        b.append(String.format(Locale.ROOT, "%s: pilot of %s (%s) at %s of orders, %,d trials, seed %d, %s%n",
                r.scenario().name(), r.option().id(), r.option().label(),
                dev.payback.report.Money.percent(r.pilot().scopeShare()), r.scenario().trials(),
                r.scenario().seed(), SamplingText.name(r.sampling())));
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
        for (String w : PilotWarnings.of(r)) {
            b.append("Warning: ").append(w).append('\n');
        }
        return b.toString();
    }
}
