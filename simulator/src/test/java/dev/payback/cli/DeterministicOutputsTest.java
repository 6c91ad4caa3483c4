package dev.payback.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every output of {@code simulate}, the workbook and the charts included, is byte-identical across
 * two runs in separate JVMs (whose hash orders differ) with different --threads; and P(best) is
 * listed status quo first, then the options in scenario order.
 */
class DeterministicOutputsTest {

    private static Path run(Path tmp, String name, String threads) throws Exception {
        Path out = tmp.resolve(name);
        Process p = ChildProcessTest.start(tmp.resolve(name + ".log"), "-Xmx512m", "simulate",
                ChildProcessTest.SCENARIO_B, "--trials", "3000", "--threads", threads, "--out", out.toString());
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve(name + ".log"))).isZero();
        return out;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void everyOutputIsByteIdenticalAcrossJvmsAndThreadCounts(@TempDir Path tmp) throws Exception {
        Path one = run(tmp, "one", "1");
        Path two = run(tmp, "two", "2");
        List<Path> names = files(one);
        assertThat(names).contains(Path.of("summary.json"), Path.of("summary.csv"), Path.of("business-case.xlsx"),
                Path.of("report.html"), Path.of("charts", "npv.png"), Path.of("charts", "npv.svg"));
        assertThat(files(two)).isEqualTo(names);
        for (Path n : names) {
            assertThat(Files.readAllBytes(two.resolve(n))).as(n.toString()).isEqualTo(Files.readAllBytes(one.resolve(n)));
        }

        JsonNode json = new ObjectMapper().readTree(one.resolve("summary.json").toFile());
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = json.get("p_best").fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        List<String> expected = new ArrayList<>(List.of("status_quo"));
        json.get("options").fieldNames().forEachRemaining(expected::add);
        assertThat(keys).isEqualTo(expected);
    }
}
