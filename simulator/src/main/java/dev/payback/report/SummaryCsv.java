package dev.payback.report;

import dev.payback.analysis.Summary;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** summary.csv: the headline figures, one row per option ({@link Headlines}), UTF-8, RFC 4180. */
public final class SummaryCsv {
    private SummaryCsv() {
    }

    /** Writes the CSV. Numbers are unrounded; a missing value is an empty field. */
    public static void write(Summary s, OutputStream out) throws IOException {
        List<Headlines.Column> cols = Headlines.columns();
        try (CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(cols.stream().map(c -> CsvCells.safe(c.header()))
                        .toArray(String[]::new)).get())) {
            for (Summary.OptionSummary o : s.options()) {
                Headlines.Row row = new Headlines.Row(s, o);
                Object[] values = new Object[cols.size()];
                for (int k = 0; k < cols.size(); k++) {
                    Object v = cols.get(k).value().apply(row);
                    values[k] = v == null ? "" : CsvCells.safe(v);
                }
                p.printRecord(values);
            }
        }
    }
}
