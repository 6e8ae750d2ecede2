package kelvin.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import kelvin.experiments.results.FolderLock;

/**
 * A second process for {@link FolderLockTest}: takes a results folder's lock, says {@code locked} on
 * its standard output, and holds the lock until its standard input closes (or it is killed).
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FolderLock lock = FolderLock.acquire(Path.of(args[0]))) {
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the lock until the test closes our input
            }
        }
    }
}
