package kelvin.experiments.results;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kelvin.experiments.config.ConfigException;

/**
 * The one writer of a results folder: an operating-system lock on {@value #NAME} inside it, held by
 * {@code kelvin run} and {@code kelvin plot} from before they read the folder until they are done.
 * The lock dies with its process, so a killed run never leaves a stale one; the file itself stays
 * (deleting it would let a third process lock a new file while a second still waits on the old
 * one) and only tells who holds it: the process id and the local time it started.
 */
public final class FolderLock implements AutoCloseable {
    /** The lock file's name inside a results folder. */
    public static final String NAME = ".kelvin.lock";

    /**
     * The lock files this process holds, with their notes. A POSIX lock belongs to the process and
     * is dropped when any descriptor of the file closes, so a second session of this process must be
     * refused from here, without opening the file.
     */
    private static final Map<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the folder's lock, or refuses at once when another process (or another session of this
     * one) holds it.
     *
     * @param dir an existing results folder
     * @return the held lock; {@link #close} releases it
     * @throws ConfigException (exit 2) when another writer holds the folder, naming its process and start time
     * @throws IOException when the lock file cannot be created or written
     */
    public static FolderLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (Files.isSymbolicLink(file)) {
            throw new ConfigException(null, "", ResultsFolder.linkProblem(file));
        }
        Path key = dir.toRealPath().resolve(NAME);
        String note = ProcessHandle.current().pid() + " " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_TIME);
        String mine = HELD.putIfAbsent(key, note);
        if (mine != null) {
            throw busy(dir, mine);
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock held;
            try {
                held = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null; // a channel of this process outside this class: still not ours to share
            }
            if (held == null) {
                throw busy(dir, holderNote(ch));
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap((note + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return new FolderLock(key, ch, held);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (ch != null) {
                ch.close();
            }
            throw e;
        }
    }

    private static ConfigException busy(Path dir, String note) {
        String[] f = note.strip().split(" ");
        boolean known = f.length == 2 && f[0].matches("[0-9]{1,19}") && f[1].matches("[0-9]{2}:[0-9]{2}:[0-9]{2}");
        String holder = known ? "process " + f[0] + " (since " + f[1] + ")" : "another process";
        return new ConfigException(null, "", dir + " is being written by " + holder + "; wait for it or use --out");
    }

    /** The holder's note, read through the channel already open (empty while the holder is writing it). */
    private static String holderNote(FileChannel ch) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        ch.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
    }

    /** Releases the lock; the file stays, see the class comment. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(key);
            }
        }
    }
}
