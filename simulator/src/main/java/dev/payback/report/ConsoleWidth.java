package dev.payback.report;

/**
 * Console output fits {@link #WIDTH} columns: prose is wrapped at word boundaries (a single word
 * longer than a line, such as a long file path, is kept whole; the spaces between words on a line are
 * kept, so a padded label stays aligned); a table cell too long for its place is cut with "..." by
 * {@link #cut}.
 */
public final class ConsoleWidth {
    /** The widest console line of every command. */
    public static final int WIDTH = 100;

    private ConsoleWidth() {
    }

    /** The text cut to {@code width} characters, ending in "..." when cut. */
    public static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width - 3)) + "...";
    }

    /**
     * Prose wrapped at {@link #WIDTH}: the first line starts with {@code first} (e.g. "  - "),
     * continuation lines are indented by {@code indent} spaces; ends in a newline. Line breaks in
     * the text are kept.
     */
    public static String wrap(String first, String text, int indent) {
        StringBuilder b = new StringBuilder();
        String prefix = first;
        for (String para : text.split("\n", -1)) {
            b.append(wrapLine(prefix, para, indent));
            prefix = " ".repeat(indent);
        }
        return b.toString();
    }

    private static String wrapLine(String first, String text, int indent) {
        StringBuilder b = new StringBuilder(first);
        int col = first.length();
        boolean lineEmpty = true;
        int k = 0;
        int n = text.length();
        while (k < n) {
            // the spaces before a word are kept within a line (a table's columns stay aligned) and
            // dropped where the line breaks
            int gapStart = k;
            while (k < n && text.charAt(k) == ' ') {
                k++;
            }
            if (k == n) {
                break;
            }
            String gap = text.substring(gapStart, k);
            int end = text.indexOf(' ', k);
            end = end < 0 ? n : end;
            String word = text.substring(k, end);
            k = end;
            if (!lineEmpty && col + gap.length() + word.length() > WIDTH) {
                b.append('\n').append(" ".repeat(indent));
                col = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                b.append(gap);
                col += gap.length();
            }
            // a single word longer than the line (a file path) is kept whole: cutting it would lose it
            b.append(word);
            col += word.length();
            lineEmpty = false;
        }
        return b.append('\n').toString();
    }

    /** Every line of {@code text} wrapped (continuation lines keep the line's own indentation + 2). */
    public static String fit(String text) {
        StringBuilder b = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int k = 0; k < lines.length; k++) {
            String line = lines[k];
            if (k == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (line.length() <= WIDTH) {
                b.append(line).append('\n');
            } else {
                int lead = 0;
                while (lead < line.length() && line.charAt(lead) == ' ') {
                    lead++;
                }
                b.append(wrapLine(line.substring(0, lead), line.substring(lead), Math.min(lead + 2, 40)));
            }
        }
        return b.toString();
    }
}
