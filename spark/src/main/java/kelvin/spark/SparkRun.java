package kelvin.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.cli.Main;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.ResultsFolder;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.Simulation;
import kelvin.experiments.shard.ShardFolder;
import kelvin.experiments.shard.ShardPlan;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The driver's side of a Spark run: loads the config, hands the block indices to Spark (one
 * partition per {@code blocksPerPartition} blocks), collects each block's file content from the
 * executors ({@link BlockTask}), keeps them as one shard folder of one shard, and writes the
 * results folder through {@code kelvin merge}, which merges the blocks in their fixed order: the
 * bytes are those of {@code kelvin run}, wherever each block ran and however often it was retried.
 */
final class SparkRun {

    /** What the command line asked for. */
    record Options(Path config, Path out, int blocksPerPartition, boolean plots) {
    }

    private SparkRun() {
    }

    static int run(Options o, PrintWriter out, PrintWriter err) throws IOException {
        return run(o, () -> new SparkConf().setAppName("kelvin"), out, err);
    }

    /** Runs with the Spark configuration {@code conf} gives once the config has been read and found valid. */
    static int run(Options o, Supplier<SparkConf> conf, PrintWriter out, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        ResultsFolder.checkPlace(o.out());
        Experiment e = Experiment.load(o.config(), List.of(), Registry.builtIns(), Limits.Budget.UNLIMITED);
        String configYaml = ResultWriter.configYaml(e);
        List<Block> blocks = ShardPlan.of(e, 1).blocks();
        List<Integer> indices = IntStream.range(0, blocks.size()).boxed().toList();
        int partitions = (blocks.size() + o.blocksPerPartition() - 1) / o.blocksPerPartition();
        BlockTask task = new BlockTask(configYaml, System.getProperty(BlockTask.FAIL_ONCE));
        List<BlockTask.Result> done;
        try (JavaSparkContext sc = new JavaSparkContext(conf.get())) {
            sc.setLogLevel("WARN");
            done = new ArrayList<>(sc.parallelize(indices, partitions).mapPartitions(task::run).collect());
        } catch (RuntimeException x) {
            throw x;
        } catch (Exception x) {
            // collect() throws SparkException, undeclared, when a task fails after its last retry
            throw new ExperimentException("the Spark job failed: " + rootMessage(x) + "; nothing was written", x);
        }
        done.sort(Comparator.comparingInt(BlockTask.Result::index));
        Path staging = Files.createTempDirectory("kelvin-spark");
        try {
            ShardFolder folder = new ShardFolder(staging, configYaml, Simulation.runColumns(e));
            folder.begin(configYaml, false);
            long nanos = 0;
            for (BlockTask.Result d : done) {
                folder.put(ShardFolder.Span.of(blocks.get(d.index())), d.file());
                nanos += d.nanos();
            }
            folder.finish(e, 0, 1, blocks, blocks.stream().map(ShardFolder.Span::of).toList(), nanos / 1e9,
                    (System.nanoTime() - start) / 1e9);
            List<String> merge = new ArrayList<>(List.of("merge", staging.toString(), "--out", o.out().toString(),
                    "--quiet"));
            if (!o.plots()) {
                merge.add("--no-plots");
            }
            int code = Main.execute(merge.toArray(String[]::new), out, err);
            if (code == 0) {
                out.printf(Locale.ROOT, "%s: %d blocks in %d Spark partitions in %.1f s%nresults: %s%n", e.name(),
                        blocks.size(), partitions, (System.nanoTime() - start) / 1e9, o.out());
                out.flush();
            }
            return code;
        } finally {
            deleteTree(staging);
        }
    }

    private static String rootMessage(Throwable x) {
        Throwable root = x;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? "" : root.getMessage().strip();
        return m.isEmpty() ? "a task failed" : m.lines().findFirst().orElse(m);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        }
    }
}
