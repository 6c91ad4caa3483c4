package dev.payback.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile YAML through the command line, as finance might paste it or an attacker might craft it:
 * each file is answered promptly, by exit 3 and one clear line per problem (never a stack
 * trace, never exit 1), or accepted when it is valid. "Promptly" is checked with a generous bound
 * ({@link #LIMIT}): a hostile file handled naively takes minutes (a 250,000-digit number, 9^9 aliases)
 * or forever (a pipe, /dev/zero), while a shared two-core machine under load may stall a normal
 * answer of milliseconds for a second or two; the bound tells the two apart without timing either.
 */
class HostileInputTest {
    static final Duration LIMIT = Duration.ofSeconds(15);
    static final String VALID_BODY = """
            name: pasted from a spreadsheet
            business:
              orders_per_month: 5000
              average_order_value: 40
              gross_margin: 0.4
              loaded_labor_cost_per_hour: 30
            pain:
              exception_rate: {pert: [0.05, 0.1, 0.2]}
              minutes_per_exception: 10
            options:
              - id: tool
                kind: orchestrate
                one_time_cost: 20000
                annual_cost: 12000
                implementation_months: 2
                effects: {exception_rate: 0.5}
            """;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void warmUp() throws Exception {
        // class loading and JIT of the CLI and loader must not count against the first case
        Path f = Files.writeString(tmp.resolve("warm.yaml"), VALID_BODY);
        CliTest.run("validate", f.toString());
        CliTest.run("validate", Files.writeString(tmp.resolve("warm_bad.yaml"), "x: [1, 2").toString());
    }

    static CliTest.Run validate(String name, byte[] content) throws Exception {
        Path f = Files.write(tmp.resolve(name), content);
        return assertTimeoutPreemptively(LIMIT, () -> CliTest.run("validate", f.toString()), name);
    }

    static CliTest.Run validate(String name, String content) throws Exception {
        return validate(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Exit 3; every line of stderr is a one-line problem naming the file; the message contains each phrase. */
    static void refused(CliTest.Run r, String file, String... phrases) {
        assertThat(r.code()).as(r.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(r.out()).isEmpty();
        String[] lines = r.err().split("\n");
        for (String line : lines) {
            assertThat(line).startsWith(tmp.resolve(file).toString()).doesNotContain("\tat ", "Exception");
            assertThat(line.length()).isLessThan(1300);
        }
        assertThat(r.err()).contains(phrases);
    }

    @Test
    void billionLaughsAliasBomb() throws Exception {
        StringBuilder y = new StringBuilder("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("lol").append(i).append(": &l").append(i).append(" [");
            for (int k = 0; k < 9; k++) {
                y.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            y.append("]\n");
        }
        refused(validate("bomb.yaml", y.toString()), "bomb.yaml", "too many aliases");
    }

    @Test
    void deepFlowNestingAndDeepBlockNesting() throws Exception {
        refused(validate("flow.yaml", "name: " + "[".repeat(200_000)), "flow.yaml", "nested more than 32 levels");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            block.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        refused(validate("block.yaml", block.toString()), "block.yaml", "nested more than 32 levels");
    }

    @Test
    void tenMegabyteStringsAndMillionDigitNumbers() throws Exception {
        refused(validate("ten_mb.yaml", "name: " + "x".repeat(10 * 1024 * 1024) + "\n"), "ten_mb.yaml",
                "too large for a scenario");
        refused(validate("two_mb.yaml", VALID_BODY.replace("pasted from a spreadsheet", "y".repeat(2_000_000))),
                "two_mb.yaml", "too large for a scenario");
        refused(validate("300k.yaml", VALID_BODY.replace("pasted from a spreadsheet", "\u00e9".repeat(300_000))),
                "300k.yaml", "too large for a scenario (more than 262144 characters)");
        // under the size limit, but BigInteger would need minutes to parse it
        refused(validate("digits.yaml", VALID_BODY.replace("orders_per_month: 5000",
                "orders_per_month: " + "9".repeat(250_000))), "digits.yaml", "too large to compute with");
        refused(validate("digits_trials.yaml", VALID_BODY + "simulation: {trials: " + "7".repeat(250_000) + "}\n"),
                "digits_trials.yaml", "must be a whole number");
    }

    @Test
    void nonFiniteAndOverflowingNumbers() throws Exception {
        refused(validate("e400.yaml", VALID_BODY.replace("average_order_value: 40", "average_order_value: 1e400")),
                "e400.yaml", "1e400 is too large to compute with");
        refused(validate("nan.yaml", VALID_BODY.replace("gross_margin: 0.4", "gross_margin: .nan")),
                "nan.yaml", "'.nan' is not a finite number");
        refused(validate("inf.yaml", VALID_BODY.replace("annual_cost: 12000", "annual_cost: {pert: [-.inf, 0, 1]}")),
                "inf.yaml", "not a finite number");
    }

    @Test
    void tagsNamingJavaClassesAreRefusedNotInstantiated() throws Exception {
        refused(validate("runtime.yaml", "name: !!java.lang.Runtime {}\n"), "runtime.yaml",
                "the YAML tag !!java.lang.Runtime is not allowed");
        refused(validate("script.yaml", "name: x\nbusiness: !!javax.script.ScriptEngineManager "
                        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n"),
                "script.yaml", "!!javax.script.ScriptEngineManager is not allowed");
        refused(validate("verbatim.yaml", "name: !<tag:yaml.org,2002:java.lang.ProcessBuilder> [touch, /tmp/pwned]\n"),
                "verbatim.yaml", "java.lang.ProcessBuilder is not allowed");
        refused(validate("local.yaml", VALID_BODY.replace("channels", "x").replace("orders_per_month: 5000",
                "orders_per_month: !custom 5000")), "local.yaml", "!custom is not allowed");
        // snakeyaml-engine throws IllegalArgumentException for this tag (found by the fuzz test)
        refused(validate("tag_space.yaml", "!a%20 x\n"), "tag_space.yaml", "not valid YAML");
    }

    @Test
    void duplicateKeysTabsAndControlCharacters() throws Exception {
        refused(validate("dup.yaml", VALID_BODY.replace("  gross_margin: 0.4\n", "  gross_margin: 0.4\n  gross_margin: 0.5\n")),
                "dup.yaml", "duplicate key 'gross_margin'");
        refused(validate("tab.yaml", VALID_BODY.replace("  average_order_value", "\taverage_order_value")),
                "tab.yaml", "tab character is used for indentation");
        refused(validate("nul.yaml", VALID_BODY.replace("pasted", "past\0ed")), "nul.yaml",
                "nul.yaml:1:11: the file holds the character U+0000, which YAML does not allow");
    }

    @Test
    void yamlMistakesAreNamedWhereTheyAre() throws Exception {
        refused(validate("two_docs.yaml", VALID_BODY + "---\nname: second\n"), "two_docs.yaml",
                "two_docs.yaml:17:1: the file holds more than one YAML document", "remove this '---'");
        refused(validate("tab_after_colon.yaml", VALID_BODY.replace("gross_margin: 0.4", "gross_margin:\t0.4")),
                "tab_after_colon.yaml", "a tab separates a key from its value; YAML uses spaces only");
        refused(validate("dup_in_dist.yaml", VALID_BODY.replace("{pert: [0.05, 0.1, 0.2]}",
                "{pert: [0.05, 0.1, 0.2], pert: [0.05, 0.1, 0.2]}")), "dup_in_dist.yaml",
                "pain.exception_rate: the distribution names 'pert' twice");
        refused(validate("list_key.yaml", "[a, b]: 1\n" + VALID_BODY), "list_key.yaml",
                "list_key.yaml:1:1: (top level): a key must be plain text, found a list",
                "write the key as a word followed by a colon");
        // an unclosed [ is reported where it opens, with where the parser gave up
        refused(validate("unclosed.yaml", VALID_BODY.replace("{pert: [0.05, 0.1, 0.2]}", "{pert: [0.05, 0.1, 0.2}")),
                "unclosed.yaml", "unclosed.yaml:8:26: this '[' is not closed properly", "but got }");
    }

    @Test
    void multiLineTextIsQuotedOnOneLine() throws Exception {
        CliTest.Run r = validate("prose.yaml", "Dear finance team,\nplease find the numbers\nbelow, as discussed\n");
        refused(r, "prose.yaml", "a scenario must be a map of keys");
        assertThat(r.err().split("\n")).hasSize(1);
    }

    @Test
    void bomAndCrlfAreAccepted() throws Exception {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = VALID_BODY.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        CliTest.Run r = validate("bom_crlf.yaml", all);
        assertThat(r.code()).as(r.err()).isZero();
        Path out = tmp.resolve("bom_out");
        CliTest.Run sim = CliTest.run("simulate", tmp.resolve("bom_crlf.yaml").toString(), "--trials", "500",
                "--out", out.toString());
        assertThat(sim.code()).as(sim.err()).isZero();
        assertThat(out.resolve("summary.json")).exists();
    }

    @Test
    void nonUtf8BytesAreRefusedWithTheirPosition() throws Exception {
        byte[] latin1 = VALID_BODY.replace("pasted from a spreadsheet", "caf\u00e9 numbers")
                .getBytes(StandardCharsets.ISO_8859_1);
        refused(validate("latin1.yaml", latin1), "latin1.yaml", "latin1.yaml:1:10:", "not UTF-8 text (byte 0xE9)");
        byte[] utf16 = ("\uFEFF" + VALID_BODY).getBytes(StandardCharsets.UTF_16LE);
        refused(validate("utf16.yaml", utf16), "utf16.yaml", "not UTF-8 text");
    }

    @Test
    void aFolderOrAnEmptyFileIsNotAScenario() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("folder.yaml"));
        CliTest.Run r = assertTimeoutPreemptively(LIMIT, () -> CliTest.run("validate", dir.toString()));
        refused(r, "folder.yaml", "this is a folder, not a file");
        refused(validate("empty.yaml", ""), "empty.yaml", "the file is empty");
        refused(validate("comments.yaml", "# only a comment\n"), "comments.yaml", "the file is empty");
        refused(validate("separator.yaml", "# only a comment\n---\n"), "separator.yaml", "must be a map of keys",
                "found nothing");
    }

    @Test
    void pipesAndDevicesAreRefusedAtOnceNotReadForever() throws Exception {
        Path fifo = tmp.resolve("fifo.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (Path special : java.util.List.of(fifo, Path.of("/dev/zero"), Path.of("/dev/urandom"))) {
            CliTest.Run r = assertTimeoutPreemptively(LIMIT, () -> CliTest.run("validate", special.toString()));
            assertThat(r.code()).as(r.err()).isEqualTo(Cli.INVALID_INPUT);
            assertThat(r.err()).startsWith(special.toString())
                    .contains("this is not a regular file (a pipe, a device or a socket)").doesNotContain("\tat ");
        }
        // the pilot file goes through the same reader
        Path scenario = Files.writeString(tmp.resolve("for_pilot.yaml"), VALID_BODY);
        CliTest.Run p = assertTimeoutPreemptively(LIMIT,
                () -> CliTest.run("pilot", scenario.toString(), fifo.toString(), "--out", tmp.resolve("p").toString()));
        assertThat(p.code()).as(p.err()).isEqualTo(Cli.INVALID_INPUT);
        assertThat(p.err()).contains(fifo.toString(), "not a regular file");
    }
}
