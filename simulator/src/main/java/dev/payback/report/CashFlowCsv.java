package dev.payback.report;

import dev.payback.analysis.CashFlow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * cashflow.csv: one row per option and month 0..H with the P10, median and P90 of the month's net
 * cash flow (month 0 is minus the one-time cost) and of the cumulative position at its end
 * ({@link CashFlow}). UTF-8, RFC 4180, numbers unrounded, in the scenario's currency.
 */
public final class CashFlowCsv {
    private CashFlowCsv() {
    }

    /** The header, in order. */
    static final String[] HEADER = {"option", "month", "net_p10", "net_p50", "net_p90", "cumulative_p10",
            "cumulative_p50", "cumulative_p90"};

    public static void write(CashFlow cf, OutputStream out) throws IOException {
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (CashFlow.OptionFlow o : cf.options()) {
                for (CashFlow.Period m : o.months()) {
                    p.printRecord(CsvCells.safe(o.id()), m.toMonth(), m.net().p10(), m.net().p50(), m.net().p90(),
                            m.cumulative().p10(), m.cumulative().p50(), m.cumulative().p90());
                }
            }
        }
    }
}
