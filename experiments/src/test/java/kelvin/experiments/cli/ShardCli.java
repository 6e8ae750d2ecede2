package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The commands the shard tests run (plain, shard, merge) and the check that two results agree. */
public final class ShardCli {
    /** The tables a merge must give byte for byte; states.csv only where the plain run has it. */
    private static final List<String> TABLES = List.of("curves.csv", "summary.csv", "runs.csv", "states.csv");

    private ShardCli() {
    }

    /**
     * A config of one cell (a Boltzmann agent on a 4-armed Gaussian bandit, 200 steps): with
     * {@code runs} of 300 its blocks are 64, 64, 64, 64 and 44 runs.
     *
     * @param name the config's name
     * @param runs its runs
     * @return the YAML text
     */
    public static String oneCell(String name, int runs) {
        return """
                name: %s
                seed: 12
                runs: %d
                steps: 200
                env: {type: gaussian-bandit, arms: 4}
                agents:
                  soft: {type: action-value, policy: {type: boltzmann, temperature: 0.5}}
                metrics: [regret]
                record: {points: 10}
                """.formatted(name, runs);
    }

    /**
     * Asserts a command succeeded.
     *
     * @param r its outcome
     * @return the same outcome
     */
    public static Cli ok(Cli r) {
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    /**
     * {@code kelvin run CONFIG --out OUT --quiet --no-plots}, which must succeed.
     *
     * @param config the config
     * @param out the results folder
     * @return the folder
     */
    public static Path plain(Path config, Path out) {
        ok(Cli.run("run", config.toString(), "--out", out.toString(), "--quiet", "--no-plots"));
        return out;
    }

    /**
     * {@code kelvin run CONFIG --shard I/N --out OUT --quiet --threads 2 EXTRA...}.
     *
     * @param config the config
     * @param i the shard
     * @param n the number of shards
     * @param out its folder
     * @param extra more options
     * @return the outcome
     */
    public static Cli shard(Path config, int i, int n, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", config.toString(), "--shard", i + "/" + n, "--out",
                out.toString(), "--quiet", "--threads", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    /**
     * {@code kelvin merge PARTS... --out OUT --quiet EXTRA...}.
     *
     * @param parts the shard folders
     * @param out the results folder
     * @param extra more options
     * @return the outcome
     */
    public static Cli merge(List<Path> parts, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("merge"));
        parts.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--out", out.toString(), "--quiet"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    /**
     * Asserts two results folders hold the same bytes in each table.
     *
     * @param expected the plain run's folder
     * @param actual the merged folder
     * @throws IOException when a table cannot be read
     */
    public static void assertSameTables(Path expected, Path actual) throws IOException {
        for (String f : TABLES) {
            Path e = expected.resolve(f);
            assertEquals(Files.exists(e), Files.exists(actual.resolve(f)), f);
            if (Files.exists(e)) {
                assertArrayEquals(Files.readAllBytes(e), Files.readAllBytes(actual.resolve(f)), f + " differs");
            }
        }
    }
}
