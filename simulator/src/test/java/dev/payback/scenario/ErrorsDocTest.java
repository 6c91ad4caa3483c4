package dev.payback.scenario;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** docs/errors.md cannot drift: every row's file gives that path and message, every invalid file has a row. */
class ErrorsDocTest {
    static final Path DOC = Path.of("../docs/errors.md");
    static final Path INVALID = Path.of("src/test/resources/invalid");
    static final Pattern ROW = Pattern.compile("^\\| `invalid/([^`]+)` \\| (?:`([^`]*)`)? \\| (.*) \\|$");
    static final Pattern MORE = Pattern.compile(" \\(and (\\d+) more\\)$");

    record Row(String file, String path, String message, int more) {
    }

    static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String message = m.group(3).replace("\\|", "|");
                int more = 0;
                Matcher mm = MORE.matcher(message);
                if (mm.find()) {
                    more = Integer.parseInt(mm.group(1));
                    message = message.substring(0, mm.start());
                }
                rows.add(new Row(m.group(1), m.group(2) == null ? "" : m.group(2), message, more));
            }
        }
        return rows;
    }

    @Test
    void everyRowsExampleFileGivesThatMessage() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThan(40);
        for (Row r : rows) {
            Path file = INVALID.resolve(r.file());
            assertThat(file).as(r.file()).exists();
            Throwable t = catchThrowable(() -> ScenarioLoader.load(file));
            assertThat(t).as(r.file()).isInstanceOf(InvalidInputException.class);
            List<Problem> ps = ((InvalidInputException) t).problems();
            assertThat(ps).as(r.file()).hasSize(1 + r.more());
            assertThat(ps.get(0).path()).as(r.file()).isEqualTo(r.path());
            assertThat(ps.get(0).message()).as(r.file()).isEqualTo(r.message());
        }
    }

    @Test
    void everyInvalidFileHasARow() throws Exception {
        Set<String> documented = rows().stream().map(Row::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> files;
        try (Stream<Path> s = Files.list(INVALID)) {
            files = s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(documented).isEqualTo(files);
        assertThat(rows()).extracting(Row::file).doesNotHaveDuplicates();
    }
}
