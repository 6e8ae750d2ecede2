package kelvin.experiments.shard;

import static kelvin.experiments.cli.ShardCli.assertSameTables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.cli.ShardCli;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.Experiment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard saves a cell's prefix in progress as the span of the blocks merged so far; stopped
 * midway, its rerun starts from the longest whole saved part and ends with the bytes of an
 * uninterrupted run, and the saved part goes once the whole prefix is written.
 */
class ShardCheckpointTest {
    /** One cell of 640 runs: ten blocks. */
    private static final String ONE_CELL = ShardCli.oneCell("checkpoint-one", 640);

    @TempDir
    Path tmp;

    private Path plain;
    private Experiment experiment;
    private Path part;

    @BeforeEach
    void runPlainThenStopAShard() throws IOException {
        Path config = Files.writeString(tmp.resolve("one.yaml"), ONE_CELL);
        plain = ShardCli.plain(config, tmp.resolve("plain"));
        experiment = Experiment.load(config, List.of(), Registry.builtIns(), Limits.Budget.DEFAULT);
        part = tmp.resolve("part");
        stopAfterSixBlocks(experiment, part);
    }

    @Test
    void aStoppedShardResumesFromItsSavedPrefixToThePlainBytes() throws Exception {
        List<String> saved = blockFiles(part);
        assertEquals(1, saved.size(), saved.toString());
        int last = lastBlock(saved.get(0));
        assertTrue(last >= 5 && last < 9, saved.toString());
        assertFalse(Files.exists(part.resolve(ShardFolder.SHARD_JSON)), "a stopped shard is unfinished");

        List<String> notices = new ArrayList<>();
        ShardRun.Summary s = ShardRun.of(experiment, 0, 1).run(options(part, notices));
        assertEquals(last + 1, s.restored(), notices.toString());
        assertTrue(notices.contains("resuming: " + (last + 1) + " of 10 blocks of shard 0/1 already finished"),
                notices.toString());
        assertEquals(List.of("cell-0-blocks-0-9.block"), blockFiles(part), "the saved part is gone");
        assertSameTables(plain, merge(part));
    }

    @Test
    void aDamagedSavedPrefixIsRecomputedWithAWarning() throws Exception {
        Path savedFile = part.resolve("blocks").resolve(blockFiles(part).get(0));
        byte[] bytes = Files.readAllBytes(savedFile);
        bytes[bytes.length / 2] ^= 8;
        Files.write(savedFile, bytes);

        List<String> notices = new ArrayList<>();
        ShardRun.Summary s = ShardRun.of(experiment, 0, 1).run(options(part, notices));
        assertEquals(0, s.restored());
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("warning: " + savedFile + " is damaged")
                && n.endsWith("; not resuming from it")), notices.toString());
        assertSameTables(plain, merge(part));
    }

    /**
     * Runs the shard saving after every block, and stops it once six are done as Ctrl-C does: one
     * interrupt of the thread that runs the command.
     */
    private static void stopAfterSixBlocks(Experiment e, Path part) {
        Thread caller = Thread.currentThread();
        AtomicBoolean stopped = new AtomicBoolean();
        SessionOptions stopping = options(part, new ArrayList<>()).reportingTo((done, total) -> {
            if (done >= 6 * 64 && stopped.compareAndSet(false, true)) {
                caller.interrupt();
                try {
                    // the next block starts only after this returns: let the caller see the stop first
                    Thread.sleep(500);
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
            }
        }, n -> { });
        assertThrows(InterruptedException.class, () -> ShardRun.of(e, 0, 1).checkpointEvery(Duration.ZERO)
                .run(stopping));
        Thread.interrupted();
    }

    private static SessionOptions options(Path out, List<String> notices) {
        return SessionOptions.inMemory().withThreads(1).writingTo(out, false).reportingTo((d, t) -> { },
                notices::add);
    }

    private static List<String> blockFiles(Path part) throws IOException {
        try (Stream<Path> s = Files.list(part.resolve("blocks"))) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    private static int lastBlock(String name) {
        return Integer.parseInt(name.substring("cell-0-blocks-0-".length(), name.length() - ".block".length()));
    }

    private Path merge(Path part) {
        Path out = tmp.resolve("merged-" + System.nanoTime());
        ShardCli.ok(ShardCli.merge(List.of(part), out, "--no-plots"));
        return out;
    }
}
