package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.payback.scenario.RunOverrides;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15: a stressed run is named in every output and never writes into the base case's folder. */
class StressRunsTest {
    private static final Path B = Path.of(CliTest.SCENARIO_B);

    @Test
    void stressedAndBaseRunsNeverShareADefaultFolder() {
        List<RunOverrides> runs = List.of(RunOverrides.NONE,
                new RunOverrides("peak_season", List.of()),
                new RunOverrides("vendor_late", List.of()),
                new RunOverrides(null, List.of("horizon_months=48")),
                new RunOverrides(null, List.of("horizon_months=60")),
                new RunOverrides("peak_season", List.of("horizon_months=48")),
                new RunOverrides("peak/season", List.of()),
                new RunOverrides("peak_season", List.of("pain.exception_rate=0.1", "horizon_months=48")));
        Set<Path> folders = new HashSet<>();
        for (RunOverrides o : runs) {
            assertThat(folders.add(ScenarioOptions.defaultFolder(B, o))).as(o.toString()).isTrue();
        }
        assertThat(ScenarioOptions.defaultFolder(B, RunOverrides.NONE))
                .isEqualTo(Path.of("out", "b_consumer_goods_multichannel"));
        assertThat(ScenarioOptions.defaultFolder(B, new RunOverrides("peak_season", List.of())))
                .isEqualTo(Path.of("out", "b_consumer_goods_multichannel--peak_season"));
        // a --set folder is named by a short hash: out/<scenario>--set-<8 hex digits>
        assertThat(ScenarioOptions.defaultFolder(B, new RunOverrides(null, List.of("horizon_months=48")))
                .getFileName().toString()).matches("b_consumer_goods_multichannel--set-[0-9a-f]{8}");
        // a preset name that is not a safe folder name is made safe, and kept apart from its look-alike
        assertThat(ScenarioOptions.defaultFolder(B, new RunOverrides("peak/season", List.of()))
                .getFileName().toString()).matches("b_consumer_goods_multichannel--peak_season-[0-9a-f]{8}");
    }

    @Test
    void theSameEffectiveOverridesGiveTheSameFolder() {
        // order of different paths and spaces around '=' do not matter; the last value of a path wins
        Path a = ScenarioOptions.defaultFolder(B, new RunOverrides(null,
                List.of("pain.exception_rate=0.1", "horizon_months=48")));
        Path b = ScenarioOptions.defaultFolder(B, new RunOverrides(null,
                List.of("horizon_months = 48", "pain.exception_rate=0.2", "pain.exception_rate=0.1")));
        Path c = ScenarioOptions.defaultFolder(B, new RunOverrides(null,
                List.of("horizon_months=48", "pain.exception_rate=0.1", "pain.exception_rate=0.2")));
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void everyOutputNamesTheOverrides(@TempDir Path tmp) throws Exception {
        Path base = tmp.resolve("base");
        Path stressed = tmp.resolve("stressed");
        CliTest.Run b = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1500", "--out", base.toString());
        CliTest.Run s = CliTest.run("simulate", CliTest.SCENARIO_B, "--trials", "1500", "--out", stressed.toString(),
                "--stress", "peak_season", "--set", "horizon_months=48");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(s.code()).as(s.err()).isZero();

        String label = "stress preset peak_season; --set horizon_months=48";
        assertThat(s.out()).contains("Stress test: " + label);
        assertThat(b.out()).doesNotContain("Stress test");

        ObjectMapper m = new ObjectMapper();
        JsonNode sj = m.readTree(stressed.resolve("summary.json").toFile());
        assertThat(sj.at("/overrides/stress").asText()).isEqualTo("peak_season");
        assertThat(sj.at("/overrides/set/0").asText()).isEqualTo("horizon_months=48");
        assertThat(sj.at("/overrides/set").size()).isEqualTo(1);
        JsonNode bj = m.readTree(base.resolve("summary.json").toFile());
        assertThat(bj.at("/overrides/stress").isNull()).isTrue();
        assertThat(bj.at("/overrides/set").size()).isZero();

        List<String> csv = Files.readAllLines(stressed.resolve("summary.csv"));
        assertThat(csv.get(0)).endsWith(",stress,set,sampling");
        assertThat(csv.get(1)).endsWith(",peak_season,horizon_months=48,random");
        assertThat(Files.readAllLines(base.resolve("summary.csv")).get(1)).endsWith(",,,random");

        String html = Files.readString(stressed.resolve("report.html")).replace("&#61;", "=");
        assertThat(html).contains("<title>Business case: Consumer goods SMB on Shopify, Amazon and wholesale ["
                + label + "]</title>").contains("Stress test: " + label);
        assertThat(Files.readString(base.resolve("report.html"))).doesNotContain("Stress test");

        try (InputStream in = Files.newInputStream(stressed.resolve("business-case.xlsx"));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("Summary");
            StringBuilder all = new StringBuilder();
            for (Row row : summary) {
                for (Cell c : row) {
                    all.append(c.toString()).append('|');
                }
            }
            assertThat(all).contains("Stress preset|peak_season|").contains("--set override|horizon_months=48|");
        }
    }

    @Test
    void aSetWithoutAValueIsACommandLineMistake(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--set", "pain.exception_rate",
                "--out", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--set 'pain.exception_rate' is malformed: write PATH=VALUE");
    }

    @Test
    void anUnknownPresetIsNamedOnce(@TempDir Path tmp) {
        CliTest.Run r = CliTest.run("simulate", CliTest.SCENARIO_B, "--stress", "nope", "--out", tmp.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err().lines().findFirst().orElse(""))
                .startsWith("--stress: there is no stress preset 'nope' (defined presets: peak_season");
    }
}
