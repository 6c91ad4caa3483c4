package dev.payback.scenario;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Coverage-guided fuzzing of the scenario loader with Jazzer: raw bytes go through the same path as
 * a file (UTF-8 decoding, BOM removal) and then {@link ScenarioLoader#parse}. The property: nothing
 * but {@link InvalidInputException} ever escapes, and no input takes more than a second.
 *
 * <p>The seed corpus is copied at build time (simulator/pom.xml, maven-resources-plugin) from
 * {@code scenarios/*.yaml} and {@code src/test/resources/valid|invalid/*.yaml} into
 * {@code target/test-classes/dev/payback/scenario/ScenarioLoaderFuzzTestInputs/parse/}, so it cannot
 * drift from the real files. Without {@code JAZZER_FUZZ} (plain {@code mvn test}) the seeds are
 * replayed as regression tests; the {@code fuzz} surefire execution of {@code mvn verify} sets
 * {@code JAZZER_FUZZ=1} and fuzzes for {@code maxDuration}.
 */
class ScenarioLoaderFuzzTest {
    /**
     * A single input must be accepted or rejected within this time: generous, since the fuzzing pass runs
     * beside other builds on a shared machine, while a pathological input (exponential aliases, a huge
     * number parsed digit by digit) takes minutes.
     */
    static final long MAX_NANOS = 10_000_000_000L;

    static {
        // Load and link the loader's classes (and, when fuzzing, instrument them) before the clock
        // runs: the first input must not pay for class loading.
        try (var in = ScenarioLoaderFuzzTest.class.getResourceAsStream("ScenarioLoaderFuzzTestInputs/parse/template.yaml")) {
            ScenarioLoader.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "warm-up",
                    List.of(), null);
            ScenarioLoader.parse("x: [1, 2", "warm-up", List.of(), null);
        } catch (InvalidInputException expected) {
            // the second document is invalid on purpose
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    @DictionaryEntries({"name: ", "business:", "pain:", "options:", "correlations:", "stress:", "simulation:",
            "{pert: [", "{ci90: [", "{uniform: [", "{triangular: [", "{normal: [", "{lognormal: [",
            "{bernoulli: ", "{discrete: {values: [", "weights: [", "{empirical: [", "{fixed: ", "&a ", "*a",
            "!!java.lang.Runtime", "!!float", "!!int", "<<: ", ".nan", ".inf", "1e400", "-1e308", "0x1F",
            "? ", "- ", "---", "...", "exception_rate", "one_time_cost", "effects:",
            "implementation_months", "kind: orchestrate", "events:", "other:", "per_year", "probability"})
    void parse(byte[] data) {
        long start = System.nanoTime();
        try {
            String text = YamlSource.decodeUtf8(data, "fuzz.yaml");
            ScenarioLoader.parse(text, "fuzz.yaml", List.of(), null);
        } catch (InvalidInputException e) {
            // The expected way to reject: every problem must still be a well-formed one-line message.
            for (Problem p : e.problems()) {
                if (p.message().isBlank() || p.line().indexOf('\n') >= 0) {
                    throw new AssertionError("malformed problem: " + p.line().replace("\n", "\\n"));
                }
            }
        }
        long took = System.nanoTime() - start;
        if (took > MAX_NANOS) {
            throw new AssertionError("input of " + data.length + " bytes took " + took / 1_000_000 + " ms");
        }
    }
}
