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
    /** Longest message or suggestion kept; text quoted from a hostile file can be megabytes long. */
    static final int MAX_TEXT = 1000;

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        path = oneLine(path);
        message = oneLine(message);
        suggestion = suggestion == null ? "" : oneLine(suggestion);
    }

    /**
     * The text on one line of bounded length: control characters (line ends and tabs quoted from
     * the file) are written as escapes, and anything beyond {@link #MAX_TEXT} characters is cut.
     */
    static String oneLine(String text) {
        StringBuilder sb = null;
        int n = Math.min(text.length(), MAX_TEXT);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String esc = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t"
                    : Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? String.format("\\u%04X", (int) c)
                    : null;
            if (esc != null && sb == null) {
                sb = new StringBuilder(n + 16).append(text, 0, i);
            }
            if (sb != null) {
                if (esc != null) {
                    sb.append(esc);
                } else {
                    sb.append(c);
                }
            }
        }
        String out = sb == null ? text.substring(0, n) : sb.toString();
        return text.length() > MAX_TEXT ? out + "... (" + (text.length() - MAX_TEXT) + " more characters)" : out;
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
