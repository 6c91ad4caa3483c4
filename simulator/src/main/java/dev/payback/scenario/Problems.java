package dev.payback.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the problems of one load; reports them in file order. */
final class Problems {
    private final String source;
    private final List<Problem> list = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** Where a node starts; nodes from an override (marks named e.g. "--set") get that name only. */
    Location loc(Node node) {
        if (node == null || node.getStartMark().isEmpty()) {
            return Location.unknown(source);
        }
        return loc(node.getStartMark().get());
    }

    Location loc(Mark mark) {
        if (!source.equals(mark.getName())) {
            return Location.unknown(mark.getName());
        }
        return new Location(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    void add(Node at, String path, String message, String suggestion) {
        list.add(new Problem(loc(at), path, message, suggestion));
    }

    void add(Location at, String path, String message, String suggestion) {
        list.add(new Problem(at, path, message, suggestion));
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    /** File problems by line and column, then those from overrides in the order found. */
    List<Problem> sorted() {
        List<Problem> out = new ArrayList<>(list);
        out.sort(Comparator.<Problem>comparingInt(p -> inFile(p) ? 0 : 1)
                .thenComparingInt(p -> inFile(p) ? p.location().line() : 0)
                .thenComparingInt(p -> inFile(p) ? p.location().column() : 0));
        return out;
    }

    private boolean inFile(Problem p) {
        return p.location().file().equals(source);
    }

    void throwIfAny() throws InvalidInputException {
        if (!list.isEmpty()) {
            throw new InvalidInputException(sorted());
        }
    }
}
