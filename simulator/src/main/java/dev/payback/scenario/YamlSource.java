package dev.payback.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML text into a node tree in safe mode: no Java objects are ever constructed, aliases to
 * collections, nesting depth and size are bounded, and every failure becomes one {@link Problem}.
 */
final class YamlSource {
    static final int MAX_ALIASES = 50;
    static final int MAX_DEPTH = 32;
    /**
     * Longest scenario text, in characters. A scenario is a few kilobytes; the YAML scanner needs
     * about a second per 3 million characters of one scalar (more on a loaded machine), so 256 KiB
     * keeps every answer well within a second.
     */
    static final int CODE_POINT_LIMIT = 256 * 1024;
    private static final long MAX_FILE_BYTES = 4L * CODE_POINT_LIMIT;
    private static final Set<Tag> SAFE_TAGS = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.SEQ,
            Tag.MAP);

    private YamlSource() {
    }

    static LoadSettings settings(String label) {
        return LoadSettings.builder()
                .setLabel(label)
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(MAX_ALIASES)
                .setCodePointLimit(CODE_POINT_LIMIT)
                .setUseMarks(true)
                .setSchema(new CoreSchema())
                .build();
    }

    /**
     * The file's text: UTF-8, BOM removed. Only a regular file is opened (a FIFO would block, a device
     * such as /dev/zero never ends), and at most {@link #MAX_FILE_BYTES} bytes are read, whatever the
     * file's size claims to be.
     */
    static String readText(Path file, String label) throws InvalidInputException {
        byte[] bytes;
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attrs.isRegularFile()) {
                throw new InvalidInputException(new Problem(Location.unknown(label), "",
                        attrs.isDirectory() ? "this is a folder, not a file"
                                : "this is not a regular file (a pipe, a device or a socket)",
                        "name a YAML file"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw new InvalidInputException(new Problem(Location.unknown(label), "",
                        "the file is too large for a scenario (more than " + MAX_FILE_BYTES / (1024 * 1024) + " MB)",
                        "a scenario is a few kilobytes of YAML; check that this is the right file"));
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new Problem(Location.unknown(label), "", "the file does not exist",
                    "check the path"));
        } catch (IOException e) {
            throw new InvalidInputException(new Problem(Location.unknown(label), "",
                    "the file cannot be read: " + e.getMessage(), "check the path and the file's permissions"));
        }
        return decodeUtf8(bytes, label);
    }

    static String decodeUtf8(byte[] bytes, String label) throws InvalidInputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
            throw new InvalidInputException(new Problem(new Location(label, line, column), "",
                    String.format("the file is not UTF-8 text (byte 0x%02X)", bytes[at] & 0xff),
                    "save the file with UTF-8 encoding"));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Composes one YAML document into a node tree; empty when the document is empty.
     *
     * @throws InvalidInputException with one problem when the text is not valid YAML
     */
    static Optional<Node> compose(String text, String label) throws InvalidInputException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.length() > CODE_POINT_LIMIT) {
            // refuse at once rather than after scanning up to the limit
            throw new InvalidInputException(engineProblem(label, "code points"));
        }
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            if (!printable(c)) {
                int line = 1;
                int lineStart = 0;
                for (int k = 0; k < i; k++) {
                    if (body.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                throw new InvalidInputException(new Problem(new Location(label, line, i - lineStart + 1), "",
                        String.format("the file holds the character U+%04X, which YAML does not allow", c),
                        "remove it; control characters are often left by a binary file or a broken copy"));
            }
            i += Character.charCount(c);
        }
        LoadSettings settings = settings(label);
        Parser parser = new DepthLimitedParser(new ParserImpl(settings, new StreamReader(settings, body)));
        try {
            return new Composer(settings, parser).getSingleNode();
        } catch (TooDeep e) {
            throw new InvalidInputException(new Problem(location(e.mark, label), "",
                    "the YAML is nested more than " + MAX_DEPTH + " levels deep",
                    "a scenario needs only a few levels of nesting"));
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            String p = e.getProblem() == null ? "" : e.getProblem();
            String ctx = e.getContext() == null ? "" : e.getContext();
            if (p.contains("another document") || ctx.contains("single document")) {
                throw new InvalidInputException(new Problem(location(mark, label), "",
                        "the file holds more than one YAML document: a second one starts here",
                        "a scenario is one document: remove this '---' and what follows, or put it in its own file"));
            }
            Mark opened = e.getContextMark().orElse(null);
            if (opened != null && (ctx.contains("flow sequence") || ctx.contains("flow mapping"))
                    && label.equals(opened.getName())) {
                String bracket = ctx.contains("flow sequence") ? "[" : "{";
                Location at = location(mark, label);
                throw new InvalidInputException(new Problem(location(opened, label), "",
                        "this '" + bracket + "' is not closed properly: " + p
                                + (at.line() > 0 ? " at line " + at.line() + ", column " + at.column() : ""),
                        "close it with '" + (bracket.equals("[") ? "]" : "}") + "' and separate its items with commas"));
            }
            if (mark != null && (p.contains("TAB") || p.contains("\\t") || p.contains("\t"))
                    && afterText(body, mark)) {
                throw new InvalidInputException(new Problem(location(mark, label), "",
                        "a tab separates a key from its value; YAML uses spaces only", "replace the tab with a space"));
            }
            throw new InvalidInputException(syntaxProblem(mark, label, e.getProblem(), e.getContext()));
        } catch (YamlEngineException e) {
            throw new InvalidInputException(engineProblem(label, e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // snakeyaml-engine lets some malformed input escape as plain runtime exceptions, e.g. a tag
            // with spaces ("Tag must not contain leading or trailing spaces."); it is still bad YAML.
            throw new InvalidInputException(engineProblem(label, e.getMessage()));
        } catch (StackOverflowError e) {
            throw new InvalidInputException(new Problem(Location.unknown(label), "",
                    "the YAML is nested too deeply to read", "a scenario needs only a few levels of nesting"));
        }
    }

    /** YAML 1.2's printable characters (section 5.1); anything else is refused with its position. */
    private static boolean printable(int c) {
        return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** Whether the tab at {@code mark} follows other text on its line (a tab after a colon, not indentation). */
    private static boolean afterText(String body, Mark mark) {
        int line = 0;
        int i = 0;
        while (line < mark.getLine() && i < body.length()) {
            if (body.charAt(i++) == '\n') {
                line++;
            }
        }
        int end = Math.min(body.length(), i + mark.getColumn());
        for (int k = i; k < end; k++) {
            if (body.charAt(k) != ' ' && body.charAt(k) != '\t') {
                return true;
            }
        }
        return false;
    }

    private static Location location(Mark mark, String label) {
        return mark == null ? Location.unknown(label)
                : label.equals(mark.getName()) ? new Location(label, mark.getLine() + 1, mark.getColumn() + 1)
                : Location.unknown(mark.getName());
    }

    private static Problem syntaxProblem(Mark mark, String label, String problem, String context) {
        Location where = location(mark, label);
        String p = problem == null ? "" : problem;
        if (p.contains("TAB") || p.contains("\\t") || p.contains("\t")) {
            return new Problem(where, "", "a tab character is used for indentation; YAML indents with spaces only",
                    "replace the tab with spaces");
        }
        if (p.contains("exceeds the specified max")) {
            return aliasProblem(where);
        }
        if (p.contains("Recursive")) {
            return new Problem(where, "", "an alias refers to the map or list that contains it",
                    "write the values out instead of using anchors and aliases");
        }
        String ctx = context == null || context.isBlank() ? "" : " " + context;
        return new Problem(where, "", "this is not valid YAML: " + p + ctx,
                "check the indentation, colons, quotes and brackets at this point");
    }

    private static Problem engineProblem(String label, String message) {
        String m = message == null ? "" : message;
        Location where = Location.unknown(label);
        if (m.contains("aliases")) {
            return aliasProblem(where);
        }
        if (m.contains("code points")) {
            return new Problem(where, "", "the file is too large for a scenario (more than "
                    + CODE_POINT_LIMIT + " characters)", "check that this is the right file");
        }
        if (m.contains("Recursive")) {
            return new Problem(where, "", "an alias refers to the map or list that contains it",
                    "write the values out instead of using anchors and aliases");
        }
        return new Problem(where, "", "this is not valid YAML: " + m, "check the file's syntax");
    }

    private static Problem aliasProblem(Location where) {
        return new Problem(where, "", "too many aliases (*name) to lists or maps: at most " + MAX_ALIASES
                + " are allowed", "write the values out instead of using anchors and aliases");
    }

    /**
     * Reports every node carrying a tag other than the plain YAML ones (str, int, float, bool, null,
     * seq, map), e.g. {@code !!java.lang.Runtime}. Such files are refused before any validation.
     */
    static void checkTags(Node root, Problems problems) {
        walkTags(root, "", problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walkTags(Node n, String path, Problems problems, Set<Node> seen) {
        if (n == null || !seen.add(n)) {
            return;
        }
        if (!SAFE_TAGS.contains(n.getTag())) {
            String tag = n.getTag().getValue();
            String shown = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
            problems.add(n, path, "the YAML tag " + shown + " is not allowed in a scenario",
                    "remove the tag; values are plain numbers, text, lists and maps");
            return;
        }
        if (n instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                walkTags(item, path + "[" + i++ + "]", problems, seen);
            }
        } else if (n instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                walkTags(t.getKeyNode(), path, problems, seen);
                String k = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                walkTags(t.getValueNode(), path.isEmpty() ? k : path + "." + k, problems, seen);
            }
        }
    }

    /** Signals nesting deeper than {@link #MAX_DEPTH}. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark mark;

        TooDeep(Mark mark) {
            super("nesting too deep", null, false, false);
            this.mark = mark;
        }
    }

    /** Counts open lists and maps as events stream by, so the recursive composer stays shallow. */
    private static final class DepthLimitedParser implements Parser {
        private final Parser delegate;
        private int depth;

        DepthLimitedParser(Parser delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return delegate.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return delegate.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return delegate.hasNext();
        }

        @Override
        public Event next() {
            Event e = delegate.next();
            switch (e.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new TooDeep(e.getStartMark().orElse(null));
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                default -> { }
            }
            return e;
        }
    }

}
