package kelvin.experiments.cli;

import static kelvin.experiments.cli.ShardCli.assertSameTables;
import static kelvin.experiments.cli.ShardCli.ok;
import static kelvin.experiments.cli.ShardCli.shard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shard keeps each cell's blocks from block 0 on as one file of their running aggregate, and
 * only the blocks a shard boundary cuts from their cell's block 0 one per file; merged in any
 * order, the parts give the plain run's bytes, and a shard killed before a prefix file was whole
 * recomputes that prefix.
 */
class ShardPrefixTest {

    /** Three cells of equal cost, 150 runs each: blocks of 64, 64 and 22 runs. */
    private static final String SWEEP = """
            name: prefix-sweep
            seed: 11
            runs: 150
            steps: 200
            env: {type: gaussian-bandit, arms: 4}
            agents:
              eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}
            sweep:
              policy.epsilon: [0.02, 0.1, 0.3]
            metrics: [regret, optimal-action]
            record: {points: 10}
            """;

    /** One cell of 300 runs: 5 blocks. */
    private static final String ONE_CELL = ShardCli.oneCell("prefix-one", 300);

    @TempDir
    Path tmp;

    private Path config(String name, String yaml) throws IOException {
        return Files.writeString(tmp.resolve(name + ".yaml"), yaml);
    }

    private Path plain(Path config) {
        return ShardCli.plain(config, tmp.resolve(config.getFileName() + "-plain"));
    }

    private List<Path> shards(Path config, int n) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path d = tmp.resolve(config.getFileName() + "-" + n + "-" + i);
            ok(shard(config, i, n, d));
            dirs.add(d);
        }
        return dirs;
    }

    private static Set<String> files(Path shard) throws IOException {
        try (Stream<Path> s = Files.list(shard.resolve("blocks"))) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> names(String... names) {
        return new TreeSet<>(Arrays.asList(names));
    }

    private Path merge(List<Path> parts) {
        Path out = tmp.resolve("merged-" + System.nanoTime());
        ok(ShardCli.merge(parts, out, "--no-plots"));
        return out;
    }


    @Test
    void aCellSplitAcrossShardsKeepsItsPrefixWholeAndTheRestPerBlock() throws IOException {
        Path config = config("sweep", SWEEP);
        Path plain = plain(config);
        List<Path> two = shards(config, 2);
        assertEquals(names("cell-0-blocks-0-2.block", "cell-1-block-0.block"), files(two.get(0)));
        assertEquals(names("cell-1-block-1.block", "cell-1-block-2.block", "cell-2-blocks-0-2.block"),
                files(two.get(1)));
        assertSameTables(plain, merge(two));
        assertSameTables(plain, merge(List.of(two.get(1), two.get(0))));
        // a split that cuts a cell after two blocks, and one that gives each shard a block or two
        List<Path> four = shards(config, 4);
        assertSameTables(plain, merge(List.of(four.get(2), four.get(0), four.get(3), four.get(1))));
        List<Path> seven = shards(config, 7);
        assertSameTables(plain, merge(List.of(seven.get(6), seven.get(3), seven.get(0), seven.get(5), seven.get(1),
                seven.get(4), seven.get(2))));
    }

    @Test
    void aShardHoldingOnlyAPrefixMergesWithTheBlocksAfterIt() throws IOException {
        Path config = config("one", ONE_CELL);
        Path plain = plain(config);
        List<Path> two = shards(config, 2);
        assertEquals(names("cell-0-blocks-0-1.block"), files(two.get(0)));
        assertEquals(names("cell-0-block-2.block", "cell-0-block-3.block", "cell-0-block-4.block"),
                files(two.get(1)));
        assertSameTables(plain, merge(List.of(two.get(1), two.get(0))));
        List<Path> one = shards(config, 1);
        assertEquals(names("cell-0-blocks-0-4.block"), files(one.get(0)));
        assertSameTables(plain, merge(one));
    }

    @Test
    void mergeRefusesAPartWhosePrefixFileIsMissingOrHoldsOtherBlocks() throws IOException {
        Path config = config("one", ONE_CELL);
        List<Path> two = shards(config, 2);
        Path prefix = two.get(0).resolve("blocks").resolve("cell-0-blocks-0-1.block");
        Path single = two.get(1).resolve("blocks").resolve("cell-0-block-2.block");
        Path saved = Files.move(prefix, tmp.resolve("saved.block"));
        Path out = tmp.resolve("out");
        Cli r = Cli.run("merge", two.get(0).toString(), two.get(1).toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(two.get(0) + ": lists cell 0 block 0, whose file " + prefix + " is missing"),
                r.err());
        // a single block's file where the prefix should be: whole, of this config, but the wrong blocks
        Files.copy(single, prefix);
        r = Cli.run("merge", two.get(0).toString(), two.get(1).toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(prefix + " holds other blocks than its name says"), r.err());
        assertFalse(Files.exists(out), "a refused merge writes nothing");
        Files.move(saved, prefix, StandardCopyOption.REPLACE_EXISTING);
        ok(Cli.run("merge", two.get(0).toString(), two.get(1).toString(), "--out", out.toString(), "--quiet",
                "--no-plots"));
    }

    @Test
    void aShardKilledWhileWritingItsPrefixRecomputesIt() throws IOException {
        Path config = config("one", ONE_CELL);
        Path plain = plain(config);
        List<Path> two = shards(config, 2);
        Path part = two.get(0);
        Path blocks = part.resolve("blocks");
        Path prefix = blocks.resolve("cell-0-blocks-0-1.block");
        // what a kill during the prefix's write leaves: no shard.json, the file's first half under a
        // temporary name, no prefix file
        byte[] bytes = Files.readAllBytes(prefix);
        Files.write(blocks.resolve(".cell-0-blocks-0-1.block.1-1-ab.tmp"), Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(prefix);
        Files.delete(part.resolve("shard.json"));
        Cli rerun = ok(shard(config, 0, 2, part, "--resume"));
        assertEquals("", rerun.err(), "nothing was kept, nothing is damaged");
        assertTrue(rerun.out().contains(", 0 kept from before)"), rerun.out());
        assertEquals(names("cell-0-blocks-0-1.block"), files(part), "the temporary file is gone");
        assertSameTables(plain, merge(two));
        // a prefix file damaged in place (a power failure) is recomputed with a warning
        bytes[bytes.length / 3] ^= 4;
        Files.write(prefix, bytes);
        Files.delete(part.resolve("shard.json"));
        Cli again = ok(shard(config, 0, 2, part));
        assertTrue(again.err().contains("warning: " + prefix + " is damaged"), again.err());
        assertSameTables(plain, merge(two));
    }

    /** Two cells whose prefix each takes a while: room for a kill between their files. */
    private static final String SLOW = SWEEP.replace("runs: 150", "runs: 640").replace("steps: 200", "steps: 6000")
            .replace("[0.02, 0.1, 0.3]", "[0.02, 0.1, 0.2, 0.3]");

    @Test
    void aShardKilledForRealResumesToTheSameBytes() throws Exception {
        Path config = config("slow", SLOW);
        Path plain = plain(config);
        Path part = tmp.resolve("killed");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                config.toString(), "--shard", "0/1", "--out", part.toString(), "--quiet", "--threads", "2"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path blocks = part.resolve("blocks");
        // kill once the first prefix file is whole, while the next cells are in flight
        while (!p.waitFor(2, TimeUnit.MILLISECONDS) && (!Files.isDirectory(blocks) || files(part).stream()
                .noneMatch(f -> !f.startsWith(".")))) {
            // poll until the process ends or a prefix file lands
        }
        boolean killed = p.isAlive();
        if (killed) {
            p.destroyForcibly().waitFor();
            assertFalse(Files.exists(part.resolve("shard.json")), "a killed shard is unfinished");
        } else {
            assertEquals(0, p.exitValue());
        }
        Cli rerun = ok(shard(config, 0, 1, part, "--resume"));
        assertEquals("", rerun.err().lines().filter(l -> l.startsWith("warning")).collect(Collectors.joining()),
                "no file a kill left is damaged");
        assertTrue(rerun.out().contains("(2560 runs, "), rerun.out());
        assertEquals(killed, !rerun.out().contains(", 0 kept from before)"), "a killed shard keeps the prefixes it "
                + "finished: " + rerun.out());
        assertEquals(4, files(part).size(), files(part).toString());
        assertSameTables(plain, merge(List.of(part)));
    }
}
