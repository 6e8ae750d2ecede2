package kelvin.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Location;
import kelvin.experiments.config.SuiteLoader;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin slurm CONFIG --shards N}: writes the scripts that take an experiment to a SLURM
 * cluster: a job array whose task I runs {@code kelvin run CONFIG --shard I/N}, a merge job, and
 * {@code submit.sh}, which submits the array and then the merge with {@code --dependency=afterok}
 * on it. Kelvin schedules nothing itself; SLURM does. The scripts call {@code $KELVIN} (default
 * {@code kelvin} on the PATH), so a cluster's own install or module can stand in.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
        description = "Write a SLURM job array (one kelvin run --shard I/N per task), a merge job that waits for "
                + "all of them (--dependency=afterok), and submit.sh that submits both.")
public final class SlurmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment config (YAML or JSON).")
    Path config;

    @Option(names = "--shards", paramLabel = "N", required = true,
            description = "Array tasks, one shard each (1 to 10000; SLURM's MaxArraySize may be lower).")
    int shards;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to write the scripts (default: slurm/<name>).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "The merged results folder (default: results/<name>); "
            + "the shards go to DIR-shards/shard-I.")
    Path out;

    @Option(names = "--time", paramLabel = "D-HH:MM:SS", description = "Time limit of each task (#SBATCH --time).")
    String time;

    @Option(names = "--partition", paramLabel = "NAME", description = "Partition (#SBATCH --partition).")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Account to charge (#SBATCH --account).")
    String account;

    @Option(names = "--cpus", paramLabel = "N", description = "Cores per task, used as --threads (default 1).")
    int cpus = 1;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per task, e.g. 4G (#SBATCH --mem).")
    String mem;

    @Mixin
    CommonOptions common;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws IOException {
        if (shards < 1 || shards > 10_000) {
            throw bad("--shards", shards + " is out of range; expected a whole number from 1 to 10000");
        }
        if (cpus < 1 || cpus > 1024) {
            throw bad("--cpus", cpus + " is out of range; expected a whole number from 1 to 1024");
        }
        for (String[] o : new String[][] {{"--time", time}, {"--partition", partition}, {"--account", account},
            {"--mem", mem}}) {
            if (o[1] != null && !o[1].matches("[A-Za-z0-9:_.+-]{1,64}")) {
                throw bad(o[0], "'" + o[1] + "' is not a plain SLURM value (letters, digits and : _ . + -)");
            }
        }
        if (SuiteLoader.isSuite(config)) {
            throw new ConfigException(Location.of("CONFIG"), "", config + " is a suite (envs); shard one of its "
                    + "environments as an experiment of its own");
        }
        // a study goes to a cluster because it is large: the time limit is SLURM's (--time), not the budget's
        Experiment e = Experiment.load(config, common.overrides, plugins.registry(), Limits.Budget.UNLIMITED);
        Path scripts = dir != null ? dir : Paths.get("slurm", e.name());
        Path results = out != null ? out : Paths.get("results", e.name());
        Path parts = results.resolveSibling(results.getFileName() + "-shards");
        List<String> overrides = new ArrayList<>();
        for (String o : common.overrides) {
            overrides.add("--set " + quote(o));
        }
        String set = overrides.isEmpty() ? "" : " " + String.join(" ", overrides);
        String head = "#!/bin/bash\n";
        String array = head + "#SBATCH --job-name=kelvin-" + e.name() + "\n"
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + "#SBATCH --cpus-per-task=" + cpus + "\n"
                + options()
                + "#SBATCH --output=" + scripts.resolve("logs") + "/shard-%a.out\n"
                + "# Task I runs shard I of " + shards + " of " + config + " (a pure function of the config and N, the "
                + "same on every machine);\n# --resume makes a rerun of a killed task keep the blocks it finished.\n"
                + "set -euo pipefail\n"
                + "KELVIN=\"${KELVIN:-kelvin}\"\n"
                + "$KELVIN run " + quote(config.toString()) + set + " --shard \"${SLURM_ARRAY_TASK_ID}/" + shards
                + "\" --out " + quote(parts.toString()) + "/shard-\"${SLURM_ARRAY_TASK_ID}\" --threads \""
                + "${SLURM_CPUS_PER_TASK:-1}\" --budget unlimited --quiet --resume\n";
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < shards; i++) {
            list.append(' ').append(quote(parts.resolve("shard-" + i).toString()));
        }
        String merge = head + "#SBATCH --job-name=kelvin-" + e.name() + "-merge\n"
                + "#SBATCH --cpus-per-task=" + cpus + "\n"
                + options()
                + "#SBATCH --output=" + scripts.resolve("logs") + "/merge.out\n"
                + "# Starts once every array task has succeeded (submit.sh asks for --dependency=afterok).\n"
                + "set -euo pipefail\n"
                + "KELVIN=\"${KELVIN:-kelvin}\"\n"
                + "$KELVIN merge" + list + " --out " + quote(results.toString()) + " --quiet\n";
        String submit = head
                + "# Submits " + config + " to SLURM as " + shards + " array tasks and a merge job that waits for "
                + "them.\n# Run it from the folder kelvin slurm ran in (the paths are relative to it).\n"
                + "set -euo pipefail\n"
                + "mkdir -p " + quote(scripts.resolve("logs").toString()) + "\n"
                + "array=$(sbatch --parsable " + quote(scripts.resolve("array.sbatch").toString()) + ")\n"
                + "merge=$(sbatch --parsable --dependency=afterok:\"${array%%;*}\" "
                + quote(scripts.resolve("merge.sbatch").toString()) + ")\n"
                + "echo \"submitted: array job ${array%%;*} (" + shards + " tasks), merge job ${merge%%;*}\"\n";
        Files.createDirectories(scripts.resolve("logs"));
        AtomicFiles.write(scripts.resolve("array.sbatch"), array);
        AtomicFiles.write(scripts.resolve("merge.sbatch"), merge);
        AtomicFiles.write(scripts.resolve("submit.sh"), submit);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + scripts.resolve("array.sbatch") + ", " + scripts.resolve("merge.sbatch") + " and "
                + scripts.resolve("submit.sh"));
        w.println("submit from this folder: bash " + scripts.resolve("submit.sh") + "   (merged results: " + results
                + ")");
        w.flush();
        return 0;
    }

    /** The optional #SBATCH lines both jobs share. */
    private String options() {
        StringBuilder s = new StringBuilder();
        if (time != null) {
            s.append("#SBATCH --time=").append(time).append('\n');
        }
        if (partition != null) {
            s.append("#SBATCH --partition=").append(partition).append('\n');
        }
        if (account != null) {
            s.append("#SBATCH --account=").append(account).append('\n');
        }
        if (mem != null) {
            s.append("#SBATCH --mem=").append(mem).append('\n');
        }
        return s.toString();
    }

    /** A word for bash: single-quoted unless it is plain. */
    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./:=+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    private static ConfigException bad(String option, String problem) {
        return new ConfigException(Location.of(option), "", problem);
    }
}
