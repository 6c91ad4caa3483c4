package dev.payback.property;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.payback.cli.Cli;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the loader accepts, simulate runs: for generated scenarios pushed to extreme but valid values
 * (inputs at the ±1e15 bound, orders, AOV and wage at their floor of 1e-15, growth at its limit of 100,
 * hostile but valid text),
 * {@code simulate} with every output exits 0 and every output parses: strict JSON, well-formed SVG,
 * HTML without control characters, the workbook opens, the CSV has one width, the PNGs decode.
 * Slow (every output per try), so few tries with a fixed seed.
 */
class EveryOutputParsesPropertyTest {
    static final List<String> NAMES = List.of("name: plain", "name: \"<script>alert(1)</script> & 'x' \\\"y\\\"\"",
            "name: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\"", "name: \"Ümlaut ünd 😀 — 漢字 " + "x".repeat(150) + "\"");
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    @Provide
    Arbitrary<List<String>> extremes() {
        List<Arbitrary<String>> each = List.of(
                // orders, AOV and wage at their smallest allowed value (scenario/Limits.MIN_POSITIVE), their
                // largest, and a normal whose 10-sd tail just stays above 0
                Arbitraries.of("", "business.orders_per_month=1e-15", "business.orders_per_month=1e15",
                        "business.orders_per_month={uniform: [1e-15, 1e15]}"),
                Arbitraries.of("", "business.average_order_value=1e-15", "business.average_order_value=1e15",
                        "business.average_order_value={normal: [1e14, 9.9e12]}"),
                Arbitraries.of("", "business.loaded_labor_cost_per_hour=1e-15",
                        "business.loaded_labor_cost_per_hour=1e15",
                        "business.loaded_labor_cost_per_hour={lognormal: [1e6, 1e7]}"),
                Arbitraries.of("", "business.annual_growth=-1", "business.annual_growth=100"),
                Arbitraries.of("", "pain.exception_rate=0", "pain.exception_rate=1"),
                Arbitraries.of("", "options.opt0.one_time_cost=0", "options.opt0.one_time_cost=1e15"),
                Arbitraries.of("", "horizon_months=12", "horizon_months=120"));
        return net.jqwik.api.Combinators.combine(each).as(l -> l.stream().filter(s -> !s.isEmpty()).toList());
    }

    @Provide
    Arbitrary<GeneratedScenario> scenarios() {
        return GeneratedScenario.scenarios(200, 400);
    }

    record Run(int code, String out, String err) {
    }

    static Run cli(List<String> args) {
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args.toArray(String[]::new)), out.toString(), err.toString());
    }

    @Property(tries = 6, seed = "16016")
    void simulateWithEveryOutputExitsZeroAndEveryOutputParses(@ForAll("scenarios") GeneratedScenario g,
            @ForAll("extremes") List<String> sets, @ForAll("names") String name) throws Exception {
        Path dir = Files.createTempDirectory("payback-property");
        try {
            String yaml = g.yaml().replaceFirst("(?m)^name: .*$", java.util.regex.Matcher.quoteReplacement(name));
            Path file = Files.writeString(dir.resolve("s.yaml"), yaml);
            List<String> args = new ArrayList<>(List.of("simulate", file.toString(), "--trials",
                    Integer.toString(g.trials), "--seed", Long.toString(g.seed % 1000), "--trials-csv",
                    "--out", dir.resolve("out").toString()));
            for (String s : sets) {
                args.add("--set");
                args.add(s);
            }
            List<String> validate = new ArrayList<>(List.of("validate", file.toString()));
            for (String s : sets) {
                validate.add("--set");
                validate.add(s);
            }
            Run v = cli(validate);
            Assume.that(v.code() == 0);

            Run r = cli(args);
            assertThat(r.code()).as(r.err() + "\n" + yaml + "\n" + sets).isZero();
            Path out = dir.resolve("out");
            JsonNode json = STRICT.readTree(Files.readAllBytes(out.resolve("summary.json")));
            assertThat(json.get("options").size()).isEqualTo(g.optionIds.size());
            assertThat(Files.readString(out.resolve("summary.json"))).doesNotContain("NaN", "Infinity");

            Document html = Jsoup.parse(out.resolve("report.html").toFile(), "UTF-8");
            assertThat(html.title()).isNotBlank();
            assertNoControlCharacters(Files.readString(out.resolve("report.html")));

            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            try (Stream<Path> charts = Files.list(out.resolve("charts"))) {
                for (Path c : charts.toList()) {
                    if (c.toString().endsWith(".svg")) {
                        xml.newDocumentBuilder().parse(c.toFile());
                        assertNoControlCharacters(Files.readString(c));
                    } else {
                        assertThat(ImageIO.read(c.toFile())).as(c.toString()).isNotNull();
                    }
                }
            }
            try (InputStream in = Files.newInputStream(out.resolve("business-case.xlsx"));
                 XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(wb.getNumberOfSheets()).isPositive();
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            assertThat(cell.toString()).isNotNull();
                        }
                    }
                }
            }
            for (String csv : List.of("summary.csv", "trials.csv")) {
                try (CSVParser p = CSVParser.parse(out.resolve(csv), StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
                    List<CSVRecord> records = p.getRecords();
                    assertThat(records).hasSizeGreaterThan(1);
                    int width = records.get(0).size();
                    assertThat(records).allMatch(rec -> rec.size() == width);
                }
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.of(NAMES);
    }

    static void assertNoControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            assertThat(c < 0x20 && c != '\n' && c != '\r' && c != '\t').as("control character U+%04X at %d",
                    (int) c, i).isFalse();
            assertThat(Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))).as("lone surrogate at %d", i).isFalse();
        }
    }
}
