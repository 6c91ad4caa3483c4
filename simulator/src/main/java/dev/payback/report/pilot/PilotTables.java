package dev.payback.report.pilot;

import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;
import dev.payback.scenario.Pilot;
import dev.payback.report.CsvCells;
import dev.payback.report.StableXlsx;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The pilot's summary.csv (one row per option and the status quo, before and after the pilot, with
 * the verdict) and pilot.xlsx (sheets Verdict, Options and Months). Numbers are unrounded; a
 * missing value is an empty cell.
 */
public final class PilotTables {
    /** The workbook's file name. */
    public static final String WORKBOOK = "pilot.xlsx";

    private PilotTables() {
    }

    /** The columns of summary.csv and of the Options sheet. */
    static final List<String> COLUMNS = List.of("scenario", "stress", "set", "option", "piloted", "p_best_prior",
            "p_best_updated", "mean_npv_prior", "mean_npv_updated", "payback_probability_12_prior",
            "payback_probability_12_updated", "p_npv_negative_prior", "p_npv_negative_updated", "verdict_go",
            "target_hit", "payback_bar_met", "price", "max_one_time_cost_12_updated", "leader", "payback_months",
            "payback_probability_bar_prior", "payback_probability_bar_updated", "max_one_time_cost_bar_updated");

    /** The rows of summary.csv: every option, then the status quo. */
    static List<List<Object>> rows(PilotVerdict v) {
        List<List<Object>> rows = new ArrayList<>();
        for (PilotVerdict.OptionFigures f : v.options()) {
            rows.add(row(v, f.id(), f.piloted(), new Double[] {f.priorPBest(), f.updatedPBest(), f.priorMeanNpv(),
                    f.updatedMeanNpv(), f.priorPayback12(), f.updatedPayback12(), f.priorPNpvNegative(),
                    f.updatedPNpvNegative()}, f.priorPaybackBar(), f.updatedPaybackBar()));
        }
        rows.add(row(v, PilotVerdict.STATUS_QUO, false, new Double[] {v.priorStatusQuoBest(), v.updatedStatusQuoBest(),
                0.0, 0.0, null, null, null, null}, null, null));
        return rows;
    }

    private static List<Object> row(PilotVerdict v, String id, boolean piloted, Double[] figures, Double barPrior,
            Double barUpdated) {
        List<Object> row = new ArrayList<>();
        row.add(v.update().scenario().name());
        row.add(v.update().scenario().overrides().stress());
        row.add(String.join("; ", v.update().scenario().overrides().sets()));
        row.add(id);
        row.add(piloted);
        for (Double d : figures) {
            row.add(finite(d));
        }
        row.add(v.go());
        row.add(v.targetHit());
        row.add(v.barMet());
        row.add(v.price());
        row.add(finite(v.maxOneTimeCost12()));
        row.add(v.leader());
        row.add(v.barMonths());
        row.add(finite(barPrior));
        row.add(finite(barUpdated));
        row.add(finite(v.maxOneTimeCost()));
        return row;
    }

    private static Double finite(Double d) {
        return d == null || !Double.isFinite(d) ? null : d;
    }

    /** Writes summary.csv (UTF-8, RFC 4180). */
    public static void csv(PilotVerdict v, OutputStream out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (List<Object> row : rows(v)) {
                List<Object> cells = new ArrayList<>();
                for (Object o : row) {
                    cells.add(o == null ? "" : CsvCells.safe(o));
                }
                p.printRecord(cells);
            }
        }
    }

    /**
     * Writes pilot.xlsx: Verdict (the two parts in words), Options (as summary.csv) and Months. The bytes
     * depend only on the verdict ({@link StableXlsx}: no creation date, zip entries without a time).
     */
    public static void workbook(PilotVerdict v, OutputStream out) throws IOException {
        StableXlsx x = new StableXlsx(out);
        Worksheet verdict = sheet(x, "Verdict");
        verdict.width(0, 110);
        List<String> lines = new ArrayList<>();
        lines.add(PilotVerdictText.headline(v));
        lines.add(PilotVerdictText.target(v));
        lines.add(PilotVerdictText.bar(v));
        for (String s : PilotVerdictText.whatWouldMakeItGo(v)) {
            lines.add("What would make it go: " + s);
        }
        lines.add(PilotVerdictText.leader(v));
        for (int i = 0; i < lines.size(); i++) {
            verdict.value(i, 0, lines.get(i));
        }
        verdict.style(0, 0).bold().set();
        verdict.finish();

        Worksheet options = sheet(x, "Options");
        header(options, COLUMNS);
        int i = 1;
        for (List<Object> r : rows(v)) {
            for (int k = 0; k < r.size(); k++) {
                Object o = r.get(k);
                if (o instanceof Number n) {
                    options.value(i, k, n.doubleValue());
                } else if (o instanceof Boolean b) {
                    options.value(i, k, b);
                } else if (o != null) {
                    options.value(i, k, o.toString());
                }
            }
            i++;
        }
        options.finish();

        Worksheet months = sheet(x, "Months");
        header(months, List.of("month", "orders", "exceptions", "exception_rate", "promises", "promises_kept"));
        i = 1;
        for (Pilot.Month m : v.update().pilot().months()) {
            months.value(i, 0, (double) m.month());
            months.value(i, 1, (double) m.orders());
            months.value(i, 2, (double) m.exceptions());
            months.value(i, 3, m.rate());
            if (m.hasPromises()) {
                months.value(i, 4, (double) m.promises());
                months.value(i, 5, (double) m.promisesKept());
            }
            i++;
        }
        months.finish();
        x.finish();
    }

    /** A new sheet; automatic page breaks, a spreadsheet's default, which fastexcel turns off unless asked. */
    private static Worksheet sheet(StableXlsx x, String name) {
        Worksheet ws = x.sheet(name);
        ws.setAutoPageBreaks(true);
        return ws;
    }

    private static void header(Worksheet sheet, List<String> names) {
        for (int k = 0; k < names.size(); k++) {
            sheet.value(0, k, names.get(k));
            sheet.style(0, k).bold().set();
            sheet.width(k, Math.max(12, names.get(k).length() + 2));
        }
    }
}
