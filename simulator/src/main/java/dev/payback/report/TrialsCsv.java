package dev.payback.report;

import dev.payback.engine.OptionColumns;
import dev.payback.engine.SimulationResult;
import dev.payback.engine.TrialColumns;
import dev.payback.scenario.Input;
import dev.payback.scenario.Strategy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * trials.csv: one row per trial with every input drawn (by canonical path, auxiliary draws
 * included) and the trial's outputs; beyond the retention line (at least 250,000 trials), one row
 * per retained trial of a uniform pseudo-random subset, numbered by its trial index (see
 * {@link SimulationResult}).
 */
public final class TrialsCsv {
    private TrialsCsv() {
    }

    /** The header row. */
    public static List<String> header(SimulationResult r) {
        List<String> h = new ArrayList<>();
        h.add("trial");
        for (Input in : r.layout().inputs()) {
            h.add(in.path());
        }
        h.addAll(List.of("annualized_pain", "revenue", "pain_share_of_revenue", "pain_fte", "decision_score",
                "best"));
        for (Strategy o : r.scenario().strategies()) {
            String p = o.id() + ".";
            h.addAll(List.of(p + "npv", p + "roi", p + "first_year_cost", p + "cumulative_net_3",
                    p + "cumulative_net_6", p + "cumulative_net_12", p + "payback_month", p + "failed"));
        }
        return h;
    }

    /** Writes the CSV (UTF-8, RFC 4180). */
    public static void write(SimulationResult r, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        TrialColumns c = r.columns();
        List<String> header = header(r);
        List<Strategy> strategies = r.scenario().strategies();
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                .setHeader(header.stream().map(CsvCells::safe).toArray(String[]::new)).get())) {
            Object[] row = new Object[header.size()];
            for (int i = 0; i < c.rows(); i++) {
                int j = 0;
                row[j++] = (long) r.retention().trial(i) + 1;   // the retained trial's number
                for (double[] col : r.inputs()) {
                    row[j++] = col[i];
                }
                row[j++] = c.annualPain().get(i);
                row[j++] = c.revenue().get(i);
                row[j++] = c.painShare().get(i);
                row[j++] = c.painFte().get(i);
                row[j++] = c.score(i);
                row[j++] = c.best(i) == 0 ? "status_quo" : CsvCells.safe(strategies.get(c.best(i) - 1).id());
                for (int so = 0; so < c.strategyCount(); so++) {
                    OptionColumns oc = c.option(so);
                    row[j++] = oc.npv().get(i);
                    row[j++] = Double.isNaN(oc.roi().get(i)) ? "" : oc.roi().get(i);
                    row[j++] = oc.firstYearCost().get(i);
                    row[j++] = oc.cumulativeNet(0).get(i);
                    row[j++] = oc.cumulativeNet(1).get(i);
                    row[j++] = oc.cumulativeNet(2).get(i);
                    row[j++] = oc.paybackMonth(i) == 0 ? "" : oc.paybackMonth(i);
                    row[j++] = oc.failed(i);
                }
                p.printRecord(row);
            }
        }
    }
}
