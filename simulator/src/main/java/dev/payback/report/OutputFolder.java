package dev.payback.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An output folder that a run replaces as a whole: every file of the run is written into a private
 * staging folder beside the target, and {@link #publish()} swaps it into place, so the target holds
 * either the complete previous set or the complete new one, never a mix.
 *
 * <pre>{@code
 * try (OutputFolder f = OutputFolder.open(target)) {
 *     f.write("summary.json", bytes);
 *     f.publish();
 * }
 * }</pre>
 *
 * <p>Names beside a target {@code x} (all hidden, in x's parent folder):
 * <ul>
 *   <li>{@code .x.payback-lock}: held (an operating-system file lock, released by the kernel when the
 *   process dies, even by SIGKILL) for as long as a run owns x; it holds that run's pid;</li>
 *   <li>{@code .x.payback-staging-<nonce>}: the run's staging folder, marked by a {@value #STAGING_MARKER}
 *   file inside;</li>
 *   <li>{@code .x.payback-old-<nonce>}: the previous output folder during the swap, marked by its
 *   {@value #OUTPUT_MARKER} file.</li>
 * </ul>
 * A published folder holds a {@value #OUTPUT_MARKER} file listing the files payback wrote. A run
 * only ever replaces a folder that is missing, empty, or such a marked folder holding nothing but
 * the listed files; anything else is refused before the run ({@link Refused}). Cleanup of a killed
 * run's leftovers deletes only folders carrying one of the two markers, under this target's names.
 *
 * <p>The marker also names the command that wrote the folder ({@code # command: simulate}); a run of
 * another command into it is refused before the run, whether the folder is a command's default or
 * was named with {@code --out}, so one command never replaces another's outputs. A marker without that
 * line (written before it existed, or by {@link #open(Path)}) is accepted by every command.
 *
 * <p>Durability: every file is forced to disk ({@link FileChannel#force}) by the thread that wrote it,
 * before the publish; the publish forces the marker and every folder of the staging tree before the
 * renames and the parent folder after them, so a power loss or an operating-system crash leaves the
 * complete previous set or the complete new one, never a renamed folder of empty files. A later run
 * that puts back a previous folder a killed run left aside forces the parent folder after that rename
 * too. Where a folder cannot be opened for reading (Windows), forcing folders is skipped: the files are
 * still forced.
 */
public final class OutputFolder implements AutoCloseable {
    /** The marker file of a published output folder: the list of files payback wrote. */
    public static final String OUTPUT_MARKER = ".payback-output";
    /** The marker file of a staging folder: the pid and start time of the run that owns it. */
    public static final String STAGING_MARKER = ".payback-staging";
    /** System property naming a test-only kill or failure point (see {@link #checkpoint}). */
    static final String TEST_POINT_PROPERTY = "payback.test.outputFolder";
    /** The marker's line naming the command that wrote the folder. */
    private static final Pattern COMMAND_LINE = Pattern.compile("# command: (\\S+)");
    private static final Pattern COMMAND_NAME = Pattern.compile("[a-z][a-z-]*");

    /** What was forced to disk: a file (with its length then) or a folder's entries; for a test seam. */
    record Forced(Path path, boolean folder, long bytes) {
        Forced {
            if (path == null || bytes < 0) {
                throw new IllegalArgumentException("a forced path with a length of at least 0");
            }
        }
    }

    /**
     * Test-only seam: told of every file and folder forced to disk, with the path it has (or will
     * have) once published; {@code null} outside tests.
     */
    static volatile Consumer<Forced> forcedSeen;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a target cannot be used; raised before the run, so the caller reports a usage error. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * A write or the publish failed (a full disk, an unwritable file); the target is unchanged and the
     * message says so. Not a bug of payback: the caller reports the message as it is (exit 1).
     */
    public static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;

        WriteFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path target;
    private final Path shown;
    private final Path parent;
    private final String name;
    private final Path staging;
    /** The command writing the folder (recorded in the marker), or null. */
    private final String command;
    private final Lock lock;
    private final Set<String> written = new TreeSet<>();
    /** What could not be cleaned up (a leftover the user must delete), to print after the run. */
    private final List<String> warnings = new ArrayList<>();
    private final String testPoint;
    private final Thread hook;
    private int writes;
    /** Guarded by {@code this}: set once the folder is published or abandoned. */
    private boolean closed;
    private boolean published;

    private OutputFolder(Path target, Path shown, Path staging, String command, Lock lock, String testPoint,
            List<String> warnings) {
        this.warnings.addAll(warnings);
        this.command = command;
        this.target = target;
        this.shown = shown;
        this.parent = target.getParent();
        this.name = target.getFileName().toString();
        this.staging = staging;
        this.lock = lock;
        this.testPoint = testPoint;
        this.hook = new Thread(() -> {
            abandon();
            try {
                lock.release();
            } catch (IOException e) {
                // the kernel releases the lock itself when the process ends
            }
        }, "payback-output-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * As {@link #open(Path, String)} for no command: the marker names none, and no folder is refused
     * for having been written by another command.
     */
    public static OutputFolder open(Path requested) throws IOException {
        return open(requested, null);
    }

    /**
     * Checks the target, takes its lock, removes what a killed earlier run into it left, and
     * creates the staging folder. The published folder's marker records {@code command}.
     *
     * @param command the command writing the folder ({@code simulate}, {@code pilot}, ...), or null
     * @throws Refused when the target cannot be used (it holds files payback did not write, another
     *     command's outputs, it is a file, a dangling link, not writable, or another run holds it);
     *     nothing was changed then
     */
    public static OutputFolder open(Path requested, String command) throws IOException {
        if (command != null && !COMMAND_NAME.matcher(command).matches()) {
            throw new IllegalArgumentException("not a command name: " + command);
        }
        Path target = check(requested);
        Lock lock = Lock.acquire(target);
        try {
            List<String> warnings = recover(target);
            checkContents(target, requested, command);
            Path staging = createStaging(target);
            Path shown = Files.isSymbolicLink(requested) ? target : requested;
            return new OutputFolder(target, shown, staging, command, lock,
                    System.getProperty(TEST_POINT_PROPERTY, ""), warnings);
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The folder as given (the real path when --out was a link to a folder), for messages. */
    public Path target() {
        return shown;
    }

    /**
     * What this run could not clean up, one sentence each: a previous output folder (or a killed
     * run's leftover) that could not be deleted in full, e.g. because a file in it is immutable. The
     * run itself is complete; the caller prints these after publishing.
     */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Where {@code relative} will be once published, for messages. */
    public Path resolve(String relative) {
        return shown.resolve(relative);
    }

    /** Writes {@code bytes} as {@code relative} (e.g. {@code charts/npv.svg}) into the staging folder. */
    public Path write(String relative, byte[] bytes) throws IOException {
        return write(relative, out -> out.write(bytes));
    }

    /**
     * Writes a file into the staging folder; returns where it will be once published.
     *
     * @throws IOException when writing fails (a full disk, say); the target is left as it was
     */
    public Path write(String relative, AtomicFiles.Content content) throws IOException {
        Path p = staging.resolve(relative).normalize();
        if (!p.startsWith(staging) || p.equals(staging) || relative.equals(OUTPUT_MARKER)
                || relative.equals(STAGING_MARKER)) {
            throw new IllegalArgumentException("not a file name inside the output folder: " + relative);
        }
        FileChannel created;
        synchronized (this) {
            if (closed) {
                throw new IOException("the run was stopped; " + target + " is unchanged");
            }
            if (!written.add(staging.relativize(p).toString().replace('\\', '/'))) {
                throw new IllegalArgumentException("written twice: " + relative);
            }
            try {
                Files.createDirectories(p.getParent());
                created = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw failed(relative, e);
            }
        }
        int n;
        synchronized (this) {
            n = ++writes;
        }
        try (FileChannel channel = created) {
            if (testPoint.equals("fail-write:" + n)) {
                throw new IOException("No space left on device (injected for a test)");
            }
            OutputStream out = new KeepOpen(Channels.newOutputStream(channel));
            content.writeTo(out);
            out.flush();
            // on the writing thread (one of several workers), so the files reach the disk in parallel
            force(channel, resolve(relative));
        } catch (IOException e) {
            throw failed(relative, e);
        }
        checkpoint("after-write:" + n);
        return resolve(relative);
    }

    /** Forces a written file's content and length to disk and tells the test seam, if any. */
    private static void force(FileChannel channel, Path reported) throws IOException {
        channel.force(true);
        Consumer<Forced> seen = forcedSeen;
        if (seen != null && reported != null) {
            seen.accept(new Forced(reported, false, channel.size()));
        }
    }

    /** Writes a small file and forces it to disk. */
    private static void writeForced(Path file, String text, Path reported) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            force(channel, reported);
        }
    }

    /**
     * Forces a folder's entries (the names in it) to disk. Where a folder cannot be opened for
     * reading (Windows), nothing is done: the files in it are forced all the same.
     */
    private static void forceFolder(Path dir, Path reported) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
        Consumer<Forced> seen = forcedSeen;
        if (seen != null) {
            seen.accept(new Forced(reported, true, 0));
        }
    }

    /** Forces every folder of the staging tree, the deepest first, before the tree is renamed. */
    private void forceStagingFolders() throws IOException {
        List<Path> dirs;
        try (Stream<Path> all = Files.walk(staging)) {
            dirs = all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Path d = dirs.get(i);
            forceFolder(d, shown.resolve(staging.relativize(d).toString()).normalize());
        }
    }

    /**
     * An output stream that leaves the file open when a writer closes it, so the file can be forced
     * after the content is written; writes arrays whole (FilterOutputStream would go byte by byte).
     */
    private static final class KeepOpen extends java.io.FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private IOException failed(String relative, IOException e) {
        return new WriteFailed("could not write " + relative + " for " + target + " (" + e.getMessage() + "); "
                + target + " is unchanged", e);
    }

    /**
     * Copies the previous set's top-level files whose names {@code keep} accepts into the staging
     * folder, except those this run has written, so that the publish keeps them: for a command whose
     * runs add to its folder (a sweep keeps the sweeps of other inputs). Called after the run's own
     * writes; the previous set was checked when the folder was opened (payback wrote every file in it),
     * and the lock held since keeps it as it was. Returns the names carried over, sorted.
     */
    public List<String> carryOver(Predicate<String> keep) throws IOException {
        if (!Files.isDirectory(target) || !Files.isRegularFile(target.resolve(OUTPUT_MARKER), LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        Set<String> names = new TreeSet<>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(target)) {
            for (Path p : top) {
                String n = p.getFileName().toString();
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && !isMarker(p) && keep.test(n)) {
                    names.add(n);
                }
            }
        }
        List<String> carried = new ArrayList<>();
        for (String n : names) {
            synchronized (this) {
                if (written.contains(n)) {
                    continue;
                }
            }
            Path from = target.resolve(n);
            write(n, out -> Files.copy(from, out));
            carried.add(n);
        }
        return carried;
    }

    /**
     * Puts the written set in place of the target: the previous folder is renamed aside, the
     * staging folder renamed to the target, and the previous folder deleted. A reader sees the
     * complete old set or the complete new one; between the two renames the target is briefly
     * missing, and a run killed just then leaves the old set aside, which the next run into the
     * target puts back before doing anything else.
     */
    public synchronized void publish() throws IOException {
        if (closed) {
            throw new IOException("the run was stopped; " + target + " is unchanged");
        }
        StringBuilder list = new StringBuilder();
        if (command == null) {
            list.append("# payback output folder: the next payback run into it replaces it as a whole.\n");
        } else {
            list.append("# payback output folder: the next payback ").append(command)
                    .append(" run into it replaces it as a whole; another command is refused.\n")
                    .append("# command: ").append(command).append('\n');
        }
        for (String f : written) {
            list.append(f).append('\n');
        }
        try {
            writeForced(staging.resolve(OUTPUT_MARKER), list.toString(), resolve(OUTPUT_MARKER));
        } catch (IOException e) {
            throw failed(OUTPUT_MARKER, e);
        }
        Files.delete(staging.resolve(STAGING_MARKER));
        try {
            forceStagingFolders();
        } catch (IOException e) {
            throw new WriteFailed("could not force the new outputs of " + target + " to disk (" + e + "); "
                    + target + " is unchanged", e);
        }
        checkpoint("publish-start");
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(target.resolve(OUTPUT_MARKER))) {
                // an empty folder of the user's: mark it so a kill in the swap leaves it recognisable
                writeForced(target.resolve(OUTPUT_MARKER), "# payback output folder (was empty)\n", null);
            }
            old = parent.resolve("." + name + ".payback-old-" + nonce());
            try {
                move(target, old);
            } catch (IOException e) {
                throw new WriteFailed("could not move the previous outputs of " + target + " aside to put the new "
                        + "ones in place (" + e + "); " + target + " is unchanged", e);
            }
        }
        checkpoint("publish-aside");
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) {
                move(old, target);
            }
            throw new WriteFailed("could not put the new outputs in place of " + target + " (" + e + "); "
                    + target + " is unchanged", e);
        }
        published = true;
        closed = true;
        checkpoint("publish-swapped");
        try {
            // the two renames are entries of the parent folder
            forceFolder(parent, parent);
        } catch (IOException e) {
            warnings.add("the new outputs are in place in " + target + " but the renames could not be forced to "
                    + "disk (" + e + "): a power loss soon after may leave the previous outputs there");
        }
        if (old != null) {
            try {
                deleteMarked(old);
            } catch (IOException e) {
                // the new set is in place and complete; what is left of the old one is the user's to remove
                warnings.add(leftover(old, target, e));
            }
        }
    }

    /** Releases the lock; an unpublished staging folder is deleted. */
    @Override
    public void close() throws IOException {
        abandon();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook runs (or ran) abandon itself
        }
        lock.release();
    }

    /** Deletes the staging folder unless published (also the shutdown hook for SIGINT / SIGTERM). */
    private void abandon() {
        synchronized (this) {
            if (closed && published) {
                return;
            }
            closed = true;
        }
        try {
            deleteMarked(staging);
        } catch (IOException e) {
            // the next run into the target removes a marked staging folder
        }
    }

    /** A test-only seam: halts the JVM (as SIGKILL would) or pauses at a named point. */
    void checkpoint(String point) {
        if (testPoint.equals("kill-" + point)) {
            Runtime.getRuntime().halt(137);
        }
        if (testPoint.equals("pause-" + point)) {
            System.err.println("PAUSED at " + point);
            System.err.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---- checks made before the run ----

    private static Path check(Path requested) throws IOException {
        if (requested.toString().isEmpty()) {
            throw new Refused("--out is empty: name a folder, e.g. --out out/run1");
        }
        Path abs = requested.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(abs)) {
            if (!Files.exists(abs)) {
                throw new Refused("--out " + requested + " is a symbolic link to something missing ("
                        + Files.readSymbolicLink(abs) + "): name a folder");
            }
            abs = abs.toRealPath();
        }
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new Refused("--out " + requested + " is the root folder: name a folder of its own, e.g. --out out/run1");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused("--out " + requested + " is a file, not a folder: name a folder");
        }
        // the parent must exist (or be creatable) and be writable: the staging folder goes there
        Path existing = abs.getParent();
        while (existing != null && !Files.exists(existing)) {
            if (Files.isSymbolicLink(existing)) {
                throw new Refused("--out " + requested + " cannot be created: " + existing
                        + " is a symbolic link to something missing: name a folder");
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new Refused("--out " + requested + " cannot be created: name a folder");
        }
        if (!Files.isDirectory(existing)) {
            throw new Refused("--out " + requested + " cannot be created: " + existing
                    + " is a file, not a folder: name a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new Refused("--out " + requested + " cannot be written: " + existing
                    + " is not writable (payback writes the new outputs beside the folder and swaps them in): "
                    + "name a folder you can write to");
        }
        Files.createDirectories(abs.getParent());
        return abs;
    }

    /**
     * Refuses a target holding anything payback did not write: a folder without the marker that is
     * not empty, or a marked folder with an entry its list does not name.
     */
    private static void checkContents(Path target, Path requested, String command) throws IOException {
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path marker = target.resolve(OUTPUT_MARKER);
        Set<String> listed = new TreeSet<>();
        Set<String> dirs = new TreeSet<>();
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                Matcher m = COMMAND_LINE.matcher(line);
                if (m.matches() && command != null && !m.group(1).equals(command)) {
                    throw new Refused("the output folder " + requested + " holds the outputs of payback "
                            + m.group(1) + " (its " + OUTPUT_MARKER + " says so), and a " + command
                            + " run does not replace another command's outputs: name another folder with --out, "
                            + "or delete " + requested + " first");
                }
                if (!line.isBlank() && !line.startsWith("#")) {
                    listed.add(line);
                    for (int i = line.indexOf('/'); i >= 0; i = line.indexOf('/', i + 1)) {
                        dirs.add(line.substring(0, i));
                    }
                }
            }
        }
        boolean marked = Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS);
        Set<String> foreign = new TreeSet<>();
        if (!marked) {
            // not ours: only its top level is looked at (it may be a large folder such as the home folder)
            try (DirectoryStream<Path> top = Files.newDirectoryStream(target)) {
                for (Path p : top) {
                    foreign.add(p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""));
                }
            }
        } else {
            walkMarked(target, listed, dirs, foreign);
        }
        if (!foreign.isEmpty()) {
            throw new Refused("--out " + target + " holds " + String.join(", ", foreign.stream().limit(3).toList())
                    + (foreign.size() > 3 ? " (and " + (foreign.size() - 3) + " more)" : "")
                    + (marked ? ", which payback did not write there" : ", and it is not a folder payback wrote")
                    + ": payback replaces its output folder as a whole, so name a new or empty folder "
                    + "(or move those files out)");
        }
    }

    private static void walkMarked(Path target, Set<String> listed, Set<String> dirs, Set<String> foreign)
            throws IOException {
        try (Stream<Path> all = Files.walk(target)) {
            all.filter(p -> !p.equals(target)).forEach(p -> {
                String rel = target.relativize(p).toString().replace('\\', '/');
                if (rel.equals(OUTPUT_MARKER)) {
                    return;
                }
                boolean dir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
                // a folder is named only when it stands where a file should be or is empty; its
                // contents are named themselves
                boolean ok = dir ? dirs.contains(rel) || !listed.contains(rel) && !isEmpty(p)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && listed.contains(rel);
                if (!ok) {
                    foreign.add(rel + (dir ? "/" : ""));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String leftover(Path dir, Path target, IOException e) {
        return "could not delete all of " + dir + ", payback's earlier outputs for " + target
                + " (" + e + "); the new outputs are complete: delete that folder yourself (a file in it may be "
                + "immutable or read-only, see lsattr)";
    }

    /**
     * Removes a killed run's staging folders and puts back a previous folder left aside mid-swap;
     * returns what could not be deleted.
     */
    private static List<String> recover(Path target) throws IOException {
        List<String> warnings = new ArrayList<>();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        List<Path> olds = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith("." + name + ".payback-"))) {
            for (Path p : entries) {
                String n = p.getFileName().toString().substring(name.length() + 2);
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (n.startsWith("payback-staging-") && (Files.isRegularFile(p.resolve(STAGING_MARKER),
                        LinkOption.NOFOLLOW_LINKS) || Files.isRegularFile(p.resolve(OUTPUT_MARKER),
                        LinkOption.NOFOLLOW_LINKS))) {
                    try {
                        deleteMarked(p);
                    } catch (IOException e) {
                        warnings.add(leftover(p, target, e));
                    }
                } else if (n.startsWith("payback-old-")
                        && Files.isRegularFile(p.resolve(OUTPUT_MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    olds.add(p);
                }
            }
        }
        boolean putBack = false;
        for (Path old : olds) {
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                move(old, target);
                putBack = true;
            } else {
                try {
                    deleteMarked(old);
                } catch (IOException e) {
                    warnings.add(leftover(old, target, e));
                }
            }
        }
        if (putBack) {
            try {
                // the rename is an entry of the parent folder, as the publish's are
                forceFolder(parent, parent);
            } catch (IOException e) {
                warnings.add("the previous outputs are back in place in " + target + " but the rename could not be "
                        + "forced to disk (" + e + "): a power loss soon after may leave them aside again, for the "
                        + "next run to put back");
            }
        }
        return warnings;
    }

    private static Path createStaging(Path target) throws IOException {
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        while (true) {
            Path staging = parent.resolve("." + name + ".payback-staging-" + nonce());
            try {
                Files.createDirectory(staging);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            }
            Files.writeString(staging.resolve(STAGING_MARKER), "payback staging folder of pid "
                    + ProcessHandle.current().pid() + ", started " + Instant.now() + ", for " + target + "\n");
            return staging;
        }
    }

    private static String nonce() {
        return Long.toUnsignedString(RANDOM.nextLong(), 36);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /**
     * Deletes a folder this tool made (it carries one of the markers), without following links.
     * Anything else is left alone.
     */
    static void deleteMarked(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                || !(Files.exists(dir.resolve(STAGING_MARKER), LinkOption.NOFOLLOW_LINKS)
                        || Files.exists(dir.resolve(OUTPUT_MARKER), LinkOption.NOFOLLOW_LINKS))) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                // the markers go last, so an interrupted delete leaves a folder still recognisable
                if (!file.getParent().equals(dir) || !isMarker(file)) {
                    Files.deleteIfExists(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (d.equals(dir)) {
                    Files.deleteIfExists(dir.resolve(STAGING_MARKER));
                    Files.deleteIfExists(dir.resolve(OUTPUT_MARKER));
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static boolean isMarker(Path file) {
        String n = file.getFileName().toString();
        return n.equals(STAGING_MARKER) || n.equals(OUTPUT_MARKER);
    }

    /**
     * The lock of one target: {@code .x.payback-lock} beside it, held with an operating-system lock
     * (so a killed run never leaves a lock that blocks the next) and deleted on release.
     */
    private static final class Lock {
        private final Path file;
        private final FileChannel channel;
        private final FileLock held;

        private Lock(Path file, FileChannel channel, FileLock held) {
            this.file = file;
            this.channel = channel;
            this.held = held;
        }

        static Lock acquire(Path target) throws IOException {
            Path file = target.getParent().resolve("." + target.getFileName() + ".payback-lock");
            byte[] me = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 100; attempt++) {
                // Never open a second descriptor of the lock file while holding the lock: closing any
                // descriptor of a file drops the process's POSIX locks on it. The file's identity is
                // checked with stat (no descriptor) before opening and after locking instead.
                BasicFileAttributes before;
                try {
                    before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    try {
                        Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                    } catch (java.nio.file.FileAlreadyExistsException raced) {
                        // another run created it first; contend for it
                    }
                    continue;
                }
                if (!before.isRegularFile()) {
                    throw new Refused("--out " + target + ": " + file + " is in the way of payback's lock file "
                            + "(it is not a regular file): remove it or name another folder");
                }
                FileChannel ch;
                try {
                    ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) {
                    continue;
                }
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null;
                }
                if (l == null) {
                    ch.close();
                    throw new Refused("--out " + target + " is being written by another payback run"
                            + holder(file) + ": wait for it to finish, or name another folder");
                }
                Object after;
                try {
                    after = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
                } catch (NoSuchFileException e) {
                    after = "gone";
                }
                // the previous holder may have deleted the file between our stat and our lock: then we
                // locked a file no other run can see, so start again
                if (before.fileKey() == null || before.fileKey().equals(after)) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap(me), 0);
                    return new Lock(file, ch, l);
                }
                l.release();
                ch.close();
            }
            throw new Refused("--out " + target + ": could not take its lock " + file + "; try again");
        }

        private static String holder(Path file) {
            try {
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
                return parts.length > 0 && parts[0].matches("[0-9]+") ? " (pid " + parts[0] + ")" : "";
            } catch (IOException e) {
                return "";
            }
        }

        synchronized void release() throws IOException {
            if (!channel.isOpen()) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } finally {
                held.release();
                channel.close();
            }
        }
    }
}
