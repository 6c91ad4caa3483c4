package dev.payback.scenario;

import java.util.Objects;

/**
 * One thing wrong with an input file, printed as a single line:
 * {@code file:line:column: path: message (suggestion)}.
 *
 * @param location   where; line and column 0 when unknown
 * @param path       the field path, e.g. {@code options[1].one_time_cost} or {@code pain.exception_rate}
 * @param message    what is wrong
 * @param suggestion how to fix it, or empty
 */
public record Problem(Location location, String path, String message, String suggestion) {
    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        suggestion = suggestion == null ? "" : suggestion;
    }

    /** The one-line form shown to users. */
    public String line() {
        StringBuilder sb = new StringBuilder(location.toString()).append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (!suggestion.isEmpty()) {
            sb.append(" (").append(suggestion).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return line();
    }
}
