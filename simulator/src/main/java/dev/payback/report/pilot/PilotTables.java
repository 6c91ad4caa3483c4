package dev.payback.report.pilot;

import dev.payback.analysis.PilotUpdate;
import dev.payback.analysis.PilotVerdict;
import dev.payback.scenario.Pilot;
import dev.payback.report.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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
            "target_hit", "payback_bar_met", "price", "max_one_time_cost_12_updated", "leader");

    /** The rows of summary.csv: every option, then the status quo. */
    static List<List<Object>> rows(PilotVerdict v) {
        List<List<Object>> rows = new ArrayList<>();
        for (PilotVerdict.OptionFigures f : v.options()) {
            rows.add(row(v, f.id(), f.piloted(), f.priorPBest(), f.updatedPBest(), f.priorMeanNpv(),
                    f.updatedMeanNpv(), f.priorPayback12(), f.updatedPayback12(), f.priorPNpvNegative(),
                    f.updatedPNpvNegative()));
        }
        rows.add(row(v, PilotVerdict.STATUS_QUO, false, v.priorStatusQuoBest(), v.updatedStatusQuoBest(), 0.0, 0.0,
                null, null, null, null));
        return rows;
    }

    private static List<Object> row(PilotVerdict v, String id, boolean piloted, Double... figures) {
        List<Object> row = new ArrayList<>();
        row.add(v.update().scenario().name());
        row.add(v.update().scenario().overrides().stress());
        row.add(String.join("; ", v.update().scenario().overrides().sets()));
        row.add(id);
        row.add(piloted);
        for (Double d : figures) {
            row.add(d == null || !Double.isFinite(d) ? null : d);
        }
        row.add(v.go());
        row.add(v.targetHit());
        row.add(v.barMet());
        row.add(v.price());
        row.add(Double.isFinite(v.maxOneTimeCost()) ? v.maxOneTimeCost() : null);
        row.add(v.leader());
        return row;
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

    /** Writes pilot.xlsx: Verdict (the two parts in words), Options (as summary.csv) and Months. */
    public static void workbook(PilotVerdict v, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);

            Sheet verdict = wb.createSheet("Verdict");
            verdict.setColumnWidth(0, 110 * 256);
            List<String> lines = new ArrayList<>();
            lines.add(PilotVerdictText.headline(v));
            lines.add(PilotVerdictText.target(v));
            lines.add(PilotVerdictText.bar(v));
            for (String s : PilotVerdictText.whatWouldMakeItGo(v)) {
                lines.add("What would make it go: " + s);
            }
            lines.add(PilotVerdictText.leader(v));
            for (int i = 0; i < lines.size(); i++) {
                Row row = verdict.createRow(i);
                row.createCell(0).setCellValue(lines.get(i));
                if (i == 0) {
                    row.getCell(0).setCellStyle(bold);
                }
            }

            Sheet options = wb.createSheet("Options");
            header(options, COLUMNS, bold);
            int i = 1;
            for (List<Object> r : rows(v)) {
                Row row = options.createRow(i++);
                for (int k = 0; k < r.size(); k++) {
                    Object o = r.get(k);
                    if (o instanceof Number n) {
                        row.createCell(k).setCellValue(n.doubleValue());
                    } else if (o instanceof Boolean b) {
                        row.createCell(k).setCellValue(b);
                    } else if (o != null) {
                        row.createCell(k).setCellValue(o.toString());
                    }
                }
            }

            Sheet months = wb.createSheet("Months");
            header(months, List.of("month", "orders", "exceptions", "exception_rate", "promises", "promises_kept"),
                    bold);
            i = 1;
            for (Pilot.Month m : v.update().pilot().months()) {
                Row row = months.createRow(i++);
                row.createCell(0).setCellValue(m.month());
                row.createCell(1).setCellValue(m.orders());
                row.createCell(2).setCellValue(m.exceptions());
                row.createCell(3).setCellValue(m.rate());
                if (m.hasPromises()) {
                    row.createCell(4).setCellValue(m.promises());
                    row.createCell(5).setCellValue(m.promisesKept());
                }
            }
            // the same inputs give the same bytes: a fixed creation date and fixed times of the zip entries
            wb.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(FIXED_TIME)));
            java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
            wb.write(raw);
            ZipOutputStream zip = new ZipOutputStream(out);
            try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(raw.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(FIXED_TIME);
                    zip.putNextEntry(copy);
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.finish();
        }
    }

    /** 2000-01-01T00:00:00Z: the creation date and entry time of every pilot.xlsx, for byte-identical files. */
    private static final long FIXED_TIME = 946_684_800_000L;

    private static void header(Sheet sheet, List<String> names, CellStyle bold) {
        Row row = sheet.createRow(0);
        for (int k = 0; k < names.size(); k++) {
            row.createCell(k).setCellValue(names.get(k));
            row.getCell(k).setCellStyle(bold);
            sheet.setColumnWidth(k, Math.max(12, names.get(k).length() + 2) * 256);
        }
    }
}
