package kelvin.experiments.cli;

import java.util.concurrent.Callable;
import kelvin.experiments.compare.PowerAnalysis;
import kelvin.experiments.compare.PowerReport;
import kelvin.experiments.config.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin power PILOT_DIR A B}: from a pilot results folder, the runs per variant that a
 * two-sided t test needs to tell variants A and B apart at a difference D with a given power.
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = {"How many runs per variant tell variants A and B of a pilot results folder apart: the "
                + "smallest n whose two-sided t test at --alpha detects a true difference D (B minus A, in the "
                + "metric's units) with probability --power, n = ((t_{1-alpha/2,df} + t_{power,df}) s / D)^2 with "
                + "df from n. The pilot's per-run final values of runs.csv give s: the sd of the per-run "
                + "differences B_r - A_r when its runs are paired (common random numbers, as kelvin compare "
                + "decides), else sqrt(sd_A^2 + sd_B^2) with Welch's degrees of freedom. It also says the power of "
                + "the pilot's own runs at D.",
                "The answer is an estimate from the pilot's sd, which a small pilot estimates roughly. D defaults "
                + "to the pilot's observed difference, an estimate that is too large about half the time (and a "
                + "plan from it then falls short), so give the smallest difference worth detecting with "
                + "--difference."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  planned",
            "  2  bad usage, a missing or incomplete folder, an unknown variant or metric, or",
            "     a pilot that admits no answer (D = 0, no spread, fewer than 2 runs, values",
            "     that are not finite)"})
public final class PowerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PILOT_DIR", description = "A results folder written by kelvin run.")
    String pilot;

    @Parameters(index = "1", paramLabel = "A", description = "A variant of the pilot (its label, as in "
            + "summary.csv).")
    String a;

    @Parameters(index = "2", paramLabel = "B", description = "Another variant; differences are B minus A.")
    String b;

    @Option(names = "--metric", paramLabel = "METRIC", description = "The metric at the last checkpoint (default: "
            + "the one variants are ranked by, regret, when recorded; else the first recorded with a good "
            + "direction).")
    String metric;

    @Option(names = "--difference", paramLabel = "D", description = "The difference to detect, in the metric's "
            + "units as stored in runs.csv (a share for optimal-action: 0.05 is 5 points); its sign does not "
            + "matter. Default: the pilot's observed B - A.")
    Double difference;

    @Option(names = "--power", paramLabel = "P", defaultValue = "0.8", description = "The chance of detecting D, "
            + "from 0.5 up to (not including) 1 (default: ${DEFAULT-VALUE}).")
    double power;

    @Option(names = "--alpha", paramLabel = "LEVEL", defaultValue = "0.05", description = "The two-sided level of the "
            + "test, between 0 and 1 (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--json", description = "One JSON object on one line (keys in the README).")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        Registry registry = plugins.registry();
        PowerAnalysis.Result result = PowerAnalysis.plan(new PowerAnalysis.Request(pilot, a, b, metric, difference,
                power, alpha), name -> RecordedMetrics.metric(registry, name));
        if (json) {
            PowerReport.json(result, spec.commandLine().getOut());
        } else {
            PowerReport.text(result, spec.commandLine().getOut(), RecordedMetrics.format(registry, result.metric()));
        }
        return 0;
    }
}
