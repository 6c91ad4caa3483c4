package dev.payback;

import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reliability.md cannot rot: every row of its tables names at least one test as
 * {@code `ClassName#method`}, and every such test exists (the class in one of the project's test
 * packages, the method declared in it and annotated as a JUnit or jqwik test).
 */
class ReliabilityDocTest {
    static final Path DOC = Path.of("../docs/reliability.md");
    static final List<String> PACKAGES = List.of("dev.payback", "dev.payback.cli", "dev.payback.report",
            "dev.payback.report.charts", "dev.payback.report.pilot", "dev.payback.scenario", "dev.payback.sampling",
            "dev.payback.engine", "dev.payback.analysis", "dev.payback.property");
    static final Pattern TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*)#([a-z][A-Za-z0-9]*)`");
    static final List<String> TEST_ANNOTATIONS = List.of("org.junit.jupiter.api.Test",
            "org.junit.jupiter.params.ParameterizedTest", "net.jqwik.api.Property", "net.jqwik.api.Example");

    /** The table rows (lines starting with '|' that are neither a header nor a separator). */
    static List<String[]> rows() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("|") && !line.startsWith("|---") && !line.startsWith("| case |")) {
                String[] cells = line.substring(1, line.length() - 1).split(" \\| ");
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void everyRowNamesATestAndEveryNamedTestExists() throws Exception {
        List<String[]> rows = rows();
        // the issue lists 15 + 16 + 3 + 16 cases; the table has a row for each (and a few more)
        assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
        int named = 0;
        for (String[] row : rows) {
            assertThat(row).as(String.join(" | ", row)).hasSize(3);
            Matcher m = TEST.matcher(row[2]);
            boolean any = false;
            while (m.find()) {
                any = true;
                named++;
                Method method = method(m.group(1), m.group(2));
                assertThat(method).as(m.group()).isNotNull();
                assertThat(isTest(method)).as(m.group() + " is a test").isTrue();
            }
            assertThat(any).as("a test for: " + row[0]).isTrue();
            assertThat(row[2].replaceAll(TEST.pattern(), "").replaceAll("[ ,]", "")).as(row[2]).isEmpty();
        }
        assertThat(named).isGreaterThanOrEqualTo(rows.size());
    }

    @Test
    void aMissingTestIsCaught() throws Exception {
        assertThat(method("ReliabilityDocTest", "everyRowNamesATestAndEveryNamedTestExists")).isNotNull();
        assertThat(method("ReliabilityDocTest", "noSuchMethod")).isNull();
        assertThat(method("NoSuchClassTest", "anything")).isNull();
    }

    static Method method(String className, String name) {
        for (String pkg : PACKAGES) {
            Class<?> c;
            try {
                c = Class.forName(pkg + "." + className);
            } catch (ClassNotFoundException e) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name)) {
                    return m;
                }
            }
        }
        return null;
    }

    static boolean isTest(Method m) {
        for (Annotation a : m.getAnnotations()) {
            if (TEST_ANNOTATIONS.contains(a.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }
}
