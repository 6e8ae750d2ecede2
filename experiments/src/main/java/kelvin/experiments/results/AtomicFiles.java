package kelvin.experiments.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader (or a killed run) only ever sees the old file or the complete new
 * one: the bytes go to a temporary file in the same folder, are forced to disk, and the temporary
 * file is renamed over the target.
 */
public final class AtomicFiles {

    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private AtomicFiles() {
    }

    /**
     * Writes text as UTF-8, atomically like {@link #write(Path, byte[])}.
     *
     * @param target the file to create or replace (its folder is created when missing)
     * @param text the whole content
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Something that writes a file's text, for files too large to build in memory first. */
    @FunctionalInterface
    public interface TextWriter {
        /**
         * Writes the text.
         *
         * @param out the file's writer (buffered; flushed and closed by the caller)
         * @throws IOException when writing fails
         */
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Streams {@code text}'s output to the file, atomically like {@link #write(Path, byte[])}.
     *
     * @param target the file to create or replace (its folder is created when missing)
     * @param text writes the content as UTF-8
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void write(Path target, TextWriter text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporary(dir, target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(
                        Channels.newOutputStream(ch), StandardCharsets.UTF_8), 1 << 16);
                text.writeTo(out);
                out.flush();
                ch.force(true);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A fresh name per call, created with the umask's permissions (createTempFile would make it
     * 0600): the process id, a counter of this process and the clock's nanoseconds, so two processes
     * writing one folder (even on hosts sharing it) do not pick the same name; CREATE_NEW refuses a
     * name that is taken all the same. No random number: seeding a secure one costs 15 to 20 ms of
     * every run's start, and the name needs no secrecy.
     */
    private static Path temporary(Path dir, Path target) {
        return dir.resolve("." + target.getFileName() + "." + PID + "-" + COUNTER.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime()) + ".tmp");
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writes bytes to a temporary file in the target's folder, forces them to disk and renames the file
     * over the target, so a reader sees the old file or the new one, never part of it.
     *
     * @param target the file to create or replace (its folder is created when missing)
     * @param bytes the whole content
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, true);
    }

    /**
     * Writes bytes like {@link #write(Path, byte[])} but without forcing them to disk: a killed
     * process still leaves the old file or the whole new one, but a power failure may leave a
     * damaged one. For many small files whose readers check a checksum and recompute what fails it
     * (a shard's blocks), where one flush per file would cost more than the data.
     *
     * @param target the file to create or replace (its folder is created when missing)
     * @param bytes the whole content
     * @throws IOException when the file cannot be written; the target is then unchanged
     */
    public static void writeChecked(Path target, byte[] bytes) throws IOException {
        write(target, bytes, false);
    }

    private static void write(Path target, byte[] bytes, boolean force) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = temporary(dir, target);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                if (force) {
                    ch.force(true);
                }
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
