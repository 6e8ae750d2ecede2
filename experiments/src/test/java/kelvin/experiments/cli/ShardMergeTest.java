package kelvin.experiments.cli;

import static kelvin.experiments.cli.ShardCli.assertSameTables;
import static kelvin.experiments.cli.ShardCli.merge;
import static kelvin.experiments.cli.ShardCli.ok;
import static kelvin.experiments.cli.ShardCli.shard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import kelvin.experiments.results.Mappers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code kelvin run --shard I/N} and {@code kelvin merge}: a config run as N shards and merged in
 * any order of the parts gives the bytes of the plain run, for a bandit and a gridworld sweep whose
 * runs are not a multiple of the block; a partial merge covers what exists and says what is absent.
 */
class ShardMergeTest {
    /** The tables that must match the plain run byte for byte. */

    /** Three sweep points of an epsilon-greedy agent and a softmax one: 4 cells of 150 runs, 3 blocks each. */
    static final String BANDIT = """
            name: shard-bandit
            seed: 5
            runs: 150
            steps: 300
            env: {type: gaussian-bandit, arms: 5}
            agents:
              eps: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}
              soft: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}
            sweep:
              policy.epsilon: [0.02, 0.1, 0.3]
            metrics: [regret, optimal-action]
            record: {points: 20}
            """;

    /** Two sweep points of Q-learning on the cliff: 2 cells of 70 runs, 2 blocks each. */
    static final String GRID = """
            name: shard-grid
            seed: 3
            runs: 70
            episodes: 15
            env: {type: gridworld, map: cliff-walking}
            agents:
              q: {type: q-learning, alpha: 0.5, policy: {type: epsilon-greedy, epsilon: 0.1}}
            sweep:
              alpha: [0.1, 0.5]
            metrics: [return, greedy-value]
            record: {points: 15}
            """;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path banditConfig;
    private static Path gridConfig;
    private static Path banditPlain;
    private static Path gridPlain;

    @BeforeAll
    static void runPlain() throws IOException {
        banditConfig = Files.writeString(shared.resolve("bandit.yaml"), BANDIT);
        gridConfig = Files.writeString(shared.resolve("grid.yaml"), GRID);
        banditPlain = shared.resolve("bandit-plain");
        gridPlain = shared.resolve("grid-plain");
        ok(Cli.run("run", banditConfig.toString(), "--out", banditPlain.toString(), "--quiet", "--no-plots"));
        ok(Cli.run("run", gridConfig.toString(), "--out", gridPlain.toString(), "--quiet", "--no-plots"));
    }

    /** Runs every shard of {@code n} into tmp/PREFIX-I and returns the folders. */
    private List<Path> shards(Path config, int n, String prefix) {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path d = tmp.resolve(prefix + "-" + i);
            Cli r = ok(shard(config, i, n, d));
            assertEquals("", r.err(), "a fresh shard has nothing to warn about");
            dirs.add(d);
        }
        return dirs;
    }

    @ParameterizedTest(name = "{0} in {1} shards")
    @CsvSource({"bandit, 1", "bandit, 3", "bandit, 7", "grid, 1", "grid, 3", "grid, 7"})
    void shardsMergedInAnyOrderGiveThePlainRunsBytes(String kind, int n) throws IOException {
        Path config = kind.equals("bandit") ? banditConfig : gridConfig;
        Path plain = kind.equals("bandit") ? banditPlain : gridPlain;
        List<Path> parts = shards(config, n, kind);
        for (Path p : parts) {
            assertTrue(Files.isRegularFile(p.resolve("shard.json")), p.toString());
            assertFalse(Files.exists(p.resolve("report.html")), "a shard draws no report");
            assertFalse(Files.exists(p.resolve("curves.csv")), "a shard writes no tables");
        }
        Collections.shuffle(parts, new Random(n));
        Collections.reverse(parts);
        Path out = tmp.resolve("merged");
        ok(merge(parts, out, "--no-plots"));
        assertSameTables(plain, out);
        assertEquals(Files.readString(plain.resolve("config.yaml")), Files.readString(out.resolve("config.yaml")));
        // the merged folder is a results folder like the plain one: a resume there has nothing left to do
        Cli again = ok(Cli.run("run", config.toString(), "--out", out.toString(), "--resume", "--no-plots",
                "--threads", "1"));
        assertTrue(again.err().contains("resuming: "), again.err());
        assertSameTables(plain, out);
    }

    @Test
    void aMergeDrawsTheChartsAndReport() throws IOException {
        Path out = tmp.resolve("merged");
        ok(merge(shards(banditConfig, 2, "b"), out));
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
        try (Stream<Path> plots = Files.list(out.resolve("plots"))) {
            assertTrue(plots.findAny().isPresent());
        }
        assertSameTables(banditPlain, out);
    }

    @Test
    void aPartialMergeCoversWhatExistsSaysWhatIsAbsentAndResumesToTheWhole() throws IOException {
        List<Path> parts = shards(banditConfig, 3, "b");
        Path out = tmp.resolve("partial");
        assertEquals(2, merge(List.of(parts.get(0), parts.get(2)), out).exit());
        assertFalse(Files.exists(out), "a refused merge writes nothing");
        Cli r = ok(Cli.run("merge", parts.get(2).toString(), parts.get(0).toString(), "--out", out.toString(),
                "--allow-missing"));
        assertTrue(r.out().contains("shard 1/3 absent"), r.out());
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("shard 1/3 absent"), "the report names the absent shard");
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("shard 1/3 absent"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        long whole = summary.stream().filter(l -> l.contains(",150,")).count();
        assertTrue(whole > 0 && whole < summary.size() - 1, "some cells are whole, some are not:\n" + summary);
        // the cells that miss blocks are recomputed by a resume, which then ends as the plain run
        ok(Cli.run("run", banditConfig.toString(), "--out", out.toString(), "--resume", "--no-plots", "--quiet"));
        assertSameTables(banditPlain, out);
    }

    @Test
    void aKilledShardRerunKeepsItsFinishedBlocks() throws IOException {
        Path part = tmp.resolve("s1");
        ok(shard(banditConfig, 1, 3, part));
        Path blocks = part.resolve("blocks");
        List<Path> files;
        try (Stream<Path> s = Files.list(blocks)) {
            files = s.sorted().toList();
        }
        assertTrue(files.size() >= 3, files.toString());
        // a kill leaves no shard.json and loses the blocks in flight; a damaged file is recomputed too
        Files.delete(part.resolve("shard.json"));
        Files.delete(files.get(0));
        byte[] bytes = Files.readAllBytes(files.get(1));
        bytes[bytes.length / 2] ^= 1;
        Files.write(files.get(1), bytes);
        assertEquals(2, merge(List.of(part), tmp.resolve("m")).exit(), "an unfinished shard is no part");
        Cli rerun = ok(shard(banditConfig, 1, 3, part, "--resume"));
        assertTrue(rerun.err().contains("warning: " + files.get(1)), rerun.err());
        int held = files.stream().mapToInt(ShardMergeTest::blocksIn).sum();
        int lost = blocksIn(files.get(0)) + blocksIn(files.get(1));
        assertTrue(rerun.out().contains(", " + (held - lost) + " kept from before)"), rerun.out());
        Cli again = ok(shard(banditConfig, 1, 3, part));
        assertTrue(again.out().contains(", " + held + " kept from before)"), again.out());
        List<Path> parts = new ArrayList<>(List.of(part));
        parts.add(tmp.resolve("s0"));
        parts.add(tmp.resolve("s2"));
        ok(shard(banditConfig, 0, 3, parts.get(1)));
        ok(shard(banditConfig, 2, 3, parts.get(2)));
        ok(merge(parts, tmp.resolve("merged"), "--no-plots"));
        assertSameTables(banditPlain, tmp.resolve("merged"));
    }

    /** The blocks a shard's file holds, by its name: cell-C-block-B or cell-C-blocks-F-L. */
    static int blocksIn(Path file) {
        String[] parts = file.getFileName().toString().replace(".block", "").split("-");
        return parts[2].equals("blocks") ? Integer.parseInt(parts[4]) - Integer.parseInt(parts[3]) + 1 : 1;
    }

    @Test
    void planShowsTheSplitThatTheShardsRun() throws IOException {
        Cli text = ok(Cli.run("plan", banditConfig.toString(), "--shards", "3"));
        assertTrue(text.out().startsWith("shard-bandit: 4 variants x 150 runs x 300 steps = 1.800e+05 agent-steps, "
                + "in 12 blocks of up to 64 runs"), text.out());
        assertTrue(text.out().contains("calibration on this machine"), text.out());
        JsonNode plan = Mappers.JSON.readTree(ok(Cli.run("plan", banditConfig.toString(), "--shards", "3", "--json"))
                .out());
        JsonNode again = Mappers.JSON.readTree(ok(Cli.run("plan", banditConfig.toString(), "--shards", "3",
                "--json")).out());
        assertEquals(plan.path("config_sha256"), again.path("config_sha256"));
        assertEquals(12, plan.path("blocks").asInt());
        assertEquals(4L * 150 * 300, plan.path("agent_steps").asLong());
        assertTrue(plan.path("calibration").has("eps") && plan.path("calibration").has("soft"), plan.toString());
        assertTrue(plan.path("estimated_cpu_seconds").asDouble() > 0);
        int next = 0;
        for (int s = 0; s < 3; s++) {
            JsonNode split = plan.path("split").get(s);
            for (String key : List.of("shard", "blocks", "first_block", "last_block", "runs", "agent_steps")) {
                assertEquals(split.path(key), again.path("split").get(s).path(key), "split " + s + " " + key);
            }
            assertEquals(next, split.path("first_block").asInt());
            next = split.path("last_block").asInt() + 1;
            Path dir = tmp.resolve("s" + s);
            ok(shard(banditConfig, s, 3, dir));
            JsonNode written = Mappers.JSON.readTree(dir.resolve("shard.json").toFile());
            assertEquals(split.path("blocks").asInt(), written.path("blocks").size());
            assertEquals(split.path("agent_steps").asLong(), written.path("agent_steps").asLong());
            assertEquals(plan.path("config_sha256"), written.path("config_sha256"));
        }
        assertEquals(12, next);
        refused(Cli.run("plan", banditConfig.toString(), "--shards", "0"), "--shards: 0 is out of range; expected a "
                + "whole number from 1 to 1000000");
        refused(Cli.run("plan", "examples/schedule-suite.yaml"), "envs: a suite cannot be planned as shards yet");
    }

    /** Asserts a refusal: exit 2, one line on stderr starting with {@code error: } and containing {@code says}. */
    private static void refused(Cli r, String says) {
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(says), r.err());
    }

    @Test
    void mergeRefusesPartsThatDoNotFitNamingThePart() throws IOException {
        List<Path> three = shards(banditConfig, 3, "b");
        Path out = tmp.resolve("out");
        // another config
        Path other = Files.writeString(tmp.resolve("other.yaml"), BANDIT.replace("seed: 5", "seed: 6"));
        Path foreign = tmp.resolve("foreign");
        ok(shard(other, 1, 3, foreign));
        refused(merge(List.of(three.get(0), foreign, three.get(2)), out),
                foreign + ": holds a shard of another config");
        // the same part twice, and a part of another split that overlaps
        refused(merge(List.of(three.get(0), three.get(1), three.get(1), three.get(2)), out), three.get(1)
                + ": is given twice");
        Path half = tmp.resolve("half");
        ok(shard(banditConfig, 0, 2, half));
        refused(merge(List.of(three.get(0), half, three.get(1), three.get(2)), out), half + ": holds cell 0 block 0, "
                + "which " + three.get(0) + " holds too");
        // a results folder, an empty folder, a file
        refused(merge(List.of(banditPlain), out), banditPlain + ": is not a complete shard folder");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        refused(merge(List.of(empty), out), empty + ": is not a complete shard folder");
        refused(merge(List.of(banditConfig), out), banditConfig + ": is not a folder");
        // a missing part, and a damaged block
        refused(merge(List.of(three.get(0), three.get(2)), out), "shard 1/3 absent");
        Path block;
        try (Stream<Path> s = Files.list(three.get(2).resolve("blocks"))) {
            block = s.sorted().findFirst().orElseThrow();
        }
        Files.write(block, new byte[] {1, 2, 3});
        refused(merge(three, out), three.get(2) + ": " + block + " is damaged");
        Files.delete(block);
        refused(merge(three, out), three.get(2) + ": lists cell ");
        refused(merge(three, out), block + " is missing");
        assertFalse(Files.exists(out), "a refused merge writes nothing");
        refused(merge(List.of(three.get(0), three.get(1)), three.get(1)), "--out: " + three.get(1) + " is one of the "
                + "parts");
    }

    @Test
    void runRefusesABadShardOption() throws IOException {
        Path out = tmp.resolve("s");
        for (String bad : List.of("3/3", "1-3", "0/0", "1/x", "2/-3")) {
            refused(Cli.run("run", banditConfig.toString(), "--shard", bad, "--out", out.toString()),
                    "--shard: expected I/N with N at least 1 and I from 0 to N-1 (e.g. 3/8), not '" + bad + "'");
        }
        refused(Cli.run("run", banditConfig.toString(), "--shard", "0/3"), "--shard: needs --out");
        refused(Cli.run("run", "examples/schedule-suite.yaml", "--shard", "0/3", "--out", out.toString()),
                "a suite cannot be run as shards");
        assertFalse(Files.exists(out));
        ok(shard(banditConfig, 0, 3, out));
        refused(shard(banditConfig, 1, 3, out), "--out: " + out + " holds shard 0/3 of this config, not 1/3");
        Path other = Files.writeString(tmp.resolve("other.yaml"), BANDIT.replace("seed: 5", "seed: 6"));
        refused(shard(other, 0, 3, out), "--out: " + out + " holds a shard of another config");
        refused(shard(banditConfig, 0, 3, banditPlain), "holds a full results folder, not a shard");
    }
}
