package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Ctrl-C interrupts the command's thread; when that lands inside a file operation, Java closes
 * the file and throws ClosedByInterruptException. The command must then say it was interrupted,
 * as it does when the interrupt lands while it waits for its workers, not report a failure to
 * write. An interrupt pending as the command starts lands in its first file operation whatever
 * the timing: a run about to take its folder's lock, a shard, and a merge.
 */
class InterruptedIoTest {
    private static final String CONFIG = """
            name: stop
            seed: 3
            runs: 64
            steps: 50
            env: {type: gaussian-bandit, arms: 3}
            agents:
              soft: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}
            """;

    @TempDir
    Path tmp;

    private static Cli interrupted(String... args) {
        Thread.currentThread().interrupt();
        try {
            return Cli.run(args);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aRunInterruptedInAFileOperationSaysItWasInterrupted() throws IOException {
        Path config = Files.writeString(tmp.resolve("stop.yaml"), CONFIG);
        Cli r = interrupted("run", config.toString(), "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().startsWith("error: interrupted; the variants that finished are saved"), r.err());
        assertFalse(r.err().contains("could not"), r.err());
    }

    @Test
    void aShardAndAMergeInterruptedInAFileOperationSayTheyWereInterrupted() throws IOException {
        Path config = Files.writeString(tmp.resolve("stop.yaml"), CONFIG);
        Path part = tmp.resolve("part");
        Cli shard = interrupted("run", config.toString(), "--shard", "0/1", "--out", part.toString(), "--quiet");
        assertTrue(shard.err().startsWith("error: interrupted"), shard.err());
        ShardCli.ok(ShardCli.shard(config, 0, 1, part));
        Cli merge = interrupted("merge", part.toString(), "--out", tmp.resolve("merged").toString(), "--quiet");
        assertEquals("error: interrupted", merge.err().strip());
    }
}
