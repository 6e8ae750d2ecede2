package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Location;
import kelvin.experiments.config.SuiteLoader;
import kelvin.experiments.model.Cell;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.TreeText;
import kelvin.experiments.run.Block;
import kelvin.experiments.run.Runner;
import kelvin.experiments.shard.Calibration;
import kelvin.experiments.shard.ShardPlan;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin plan CONFIG [--shards N] [--json]}: the size of an experiment and its split over N
 * shards, without running it (but for a short calibration of each agent on this machine).
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show an experiment's cells, blocks, agent-steps, estimated memory and time, and how "
                + "kelvin run --shard I/N splits it over N shards, without running it (a short calibration run of "
                + "each agent on this machine times the estimate).")
public final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment config (YAML or JSON).")
    Path config;

    @Option(names = "--shards", paramLabel = "N", description = "The number of shards to split into (default 1).")
    int shards = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Threads each shard will run on, for the wall "
            + "time estimate (default 1).")
    int threads = 1;

    @Option(names = "--json", description = "Print one JSON object (keys in the README's command table) instead "
            + "of text.")
    boolean json;

    @Mixin
    CommonOptions common;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (shards < 1 || shards > 1_000_000) {
            throw new ConfigException(Location.of("--shards"), "", shards + " is out of range; expected a whole "
                    + "number from 1 to 1000000");
        }
        if (threads < 1 || threads > 10_000) {
            throw new ConfigException(Location.of("--threads"), "", threads + " is out of range; expected a whole "
                    + "number from 1 to 10000");
        }
        if (SuiteLoader.isSuite(config)) {
            throw new ConfigException(Location.of(config.toString()), "envs", "a suite cannot be planned as shards "
                    + "yet; plan each environment's config");
        }
        Experiment e = Experiment.load(config, common.overrides, plugins.registry(), common.budget);
        ShardPlan plan = ShardPlan.of(e, shards);
        Calibration calibration = Calibration.measure(e);
        Map<String, Object> tree = tree(e, plan, calibration);
        PrintWriter w = cl.getOut();
        if (json) {
            w.println(TreeText.json(tree));
        } else {
            print(w, e, plan, tree);
        }
        w.flush();
        return 0;
    }

    /** Everything the plan says, as the JSON object prints it. */
    private Map<String, Object> tree(Experiment e, ShardPlan plan, Calibration calibration) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", e.name());
        t.put("config_sha256", ResultWriter.configHash(ResultWriter.configYaml(e)));
        t.put("cells", e.cells().size());
        t.put("runs", e.runs());
        t.put(e.episodic() ? "episodes" : "steps", e.horizon());
        t.put("runs_per_block", Runner.BLOCK);
        t.put("blocks", plan.blocks().size());
        t.put("agent_steps", (long) e.cells().size() * e.runs() * e.horizon());
        t.put("memory_bytes", Math.round(Limits.memoryBytes(e, threads)));
        Map<String, Object> cal = new LinkedHashMap<>();
        calibration.secondsPerRun().forEach((agent, s) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("seconds_per_run", s);
            a.put("runs_timed", calibration.runsTimed().get(agent));
            cal.put(agent, a);
        });
        t.put("calibration", cal);
        double total = 0;
        for (Cell c : e.cells()) {
            total += calibration.secondsPerRun(c) * e.runs();
        }
        t.put("estimated_cpu_seconds", round(total));
        t.put("shards", plan.shards());
        t.put("threads_per_shard", threads);
        List<Map<String, Object>> split = new ArrayList<>();
        int k = 0;
        for (int s = 0; s < plan.shards(); s++) {
            List<Block> blocks = plan.shard(s);
            double seconds = 0;
            long runs = 0;
            for (Block b : blocks) {
                seconds += calibration.secondsPerRun(e.cells().get(b.cell())) * b.runs();
                runs += b.runs();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("shard", s);
            m.put("blocks", blocks.size());
            m.put("first_block", blocks.isEmpty() ? null : k);
            m.put("last_block", blocks.isEmpty() ? null : k + blocks.size() - 1);
            m.put("cells", blocks.isEmpty() ? List.of()
                    : List.of(blocks.get(0).cell(), blocks.get(blocks.size() - 1).cell()));
            m.put("runs", runs);
            m.put("agent_steps", plan.agentSteps(s));
            m.put("estimated_cpu_seconds", round(seconds));
            m.put("estimated_wall_seconds", round(seconds / Math.min(threads, Math.max(1, blocks.size()))));
            split.add(m);
            k += blocks.size();
        }
        t.put("split", split);
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter w, Experiment e, ShardPlan plan, Map<String, Object> t) {
        w.printf(Locale.ROOT, "%s: %s = %.4g agent-steps, in %d blocks of up to %d runs%n", e.name(), e.size(),
                ((Number) t.get("agent_steps")).doubleValue(), plan.blocks().size(), Runner.BLOCK);
        double mb = ((Number) t.get("memory_bytes")).doubleValue() / (1 << 20);
        w.printf(Locale.ROOT, "memory: %s per shard at %d thread%s (estimated from the model's sizes)%n",
                mb < 1 ? "under 1 MB" : String.format(Locale.ROOT, "about %.0f MB", Math.ceil(mb)),
                t.get("threads_per_shard"), (int) t.get("threads_per_shard") == 1 ? "" : "s");
        List<String> kinds = new ArrayList<>();
        ((Map<String, Map<String, Object>>) t.get("calibration")).forEach((agent, a) -> kinds.add(String.format(
                Locale.ROOT, "%s %.3g ms per run", agent, 1000 * ((Number) a.get("seconds_per_run")).doubleValue())));
        w.printf(Locale.ROOT, "calibration on this machine (one thread, a few runs of each agent): %s%n",
                String.join(", ", kinds));
        w.printf(Locale.ROOT, "estimated time: %.1f s of one core in all; per shard, by this machine's calibration:%n",
                ((Number) t.get("estimated_cpu_seconds")).doubleValue());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("shard", "blocks", "cells", "runs", "agent-steps", "est. wall s"));
        for (Map<String, Object> s : (List<Map<String, Object>>) t.get("split")) {
            List<Integer> cells = (List<Integer>) s.get("cells");
            rows.add(List.of(s.get("shard") + "/" + plan.shards(),
                    s.get("first_block") == null ? "-" : s.get("first_block") + "-" + s.get("last_block"),
                    cells.isEmpty() ? "-" : cells.get(0) + "-" + cells.get(1), String.valueOf(s.get("runs")),
                    String.valueOf(s.get("agent_steps")), String.format(Locale.ROOT, "%.1f",
                            ((Number) s.get("estimated_wall_seconds")).doubleValue())));
        }
        Tables.print(w, rows);
        w.println("run shard I with: kelvin run " + "CONFIG --shard I/" + plan.shards() + " --out DIR_I; then kelvin "
                + "merge DIR_0 ... --out RESULTS");
    }
}
