package kelvin.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kelvin.experiments.compare.CompareReport;
import kelvin.experiments.compare.Comparer;
import kelvin.experiments.compare.FolderArgument;
import kelvin.experiments.compare.Margin;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Location;
import kelvin.experiments.config.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin compare A B}: two results folders (or variants of them) compared metric by metric,
 * as a difference report with Holm's correction or, with {@code --equivalent}, as an equivalence
 * test whose exit status grades B against A.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare the variants of results folder B with those of A (B minus A) on each metric, at the "
                + "last checkpoint and at the --at checkpoints: the difference, its 95%% interval, the p value and a "
                + "verdict. At the last checkpoint the per-run values of runs.csv are used, paired by run (paired t "
                + "test) when both folders share the seed, runs, environment, horizon and seeding scheme (common "
                + "random numbers), else Welch's t test; at an earlier checkpoint only curves.csv's mean, stderr "
                + "and n are stored, so Welch's t test is computed from them. The output names the test of every "
                + "row.",
                "Default: a difference report over every variant both folders share, with Holm's correction for "
                + "the number of comparisons. --equivalent: two one-sided tests (TOST) against --margin; exit 0 "
                + "when every comparison is equivalent, 1 when not (a line says which metric, by how much, and for "
                + "an inconclusive test about how many runs would decide it), 2 on bad usage."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  compared (--equivalent: every comparison equivalent)",
            "  1  --equivalent: a comparison is not equivalent or inconclusive",
            "  2  bad usage, a missing or incomplete folder, an unknown variant or metric"})
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The reference: a folder written by kelvin run, or "
            + "DIR:VARIANT for one of its variants.")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "The folder (or DIR:VARIANT) compared with A; "
            + "differences are B minus A.")
    String b;

    @Option(names = "--metric", split = ",", paramLabel = "METRIC", description = "Compare only these metrics "
            + "(repeatable or comma-separated; default: every metric both folders record).")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--at", split = ",", paramLabel = "T", description = "Also compare at these checkpoints (steps "
            + "or episodes listed in curves.csv of both folders). Per-run values are stored only at the last "
            + "checkpoint, so these use Welch's t test on curves.csv's mean, stderr and n, never a paired test.")
    List<Long> at = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "A_VARIANT=B_VARIANT", description = "Compare variant A_VARIANT of A with "
            + "B_VARIANT of B (repeatable); default: the variants with the same label, or the only variant of each "
            + "when both hold one.")
    List<String> pairs = new ArrayList<>();

    @Option(names = "--equivalent", description = "Test equivalence (TOST at 5%%) within --margin instead of "
            + "reporting differences.")
    boolean equivalent;

    @Option(names = "--margin", paramLabel = "X|Nse", description = "The equivalence margin: X in the metric's "
            + "units (e.g. 5; the same for every metric, so choose one with --metric), or N standard errors of a "
            + "difference with A's spread at that checkpoint, sqrt(2) sd_A / sqrt(n_A) (e.g. 4se). Required with "
            + "--equivalent.")
    String margin;

    @Option(names = "--json", description = "One JSON object per comparison, one per line (keys in the README).")
    boolean json;

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        if (margin != null && !equivalent) {
            throw new ConfigException(Location.of("--margin"), "", "is for --equivalent; a difference report has no "
                    + "margin");
        }
        if (equivalent && margin == null) {
            throw new ConfigException(Location.of("--equivalent"), "", "needs --margin X (metric units) or --margin "
                    + "Nse (standard errors), e.g. --margin 4se");
        }
        Margin m = equivalent ? Margin.parse(margin) : null;
        Registry registry = plugins.registry();
        Comparer.Result result = Comparer.compare(new Comparer.Request(FolderArgument.parse(a),
                FolderArgument.parse(b), pairs, metrics, at, m), name -> RecordedMetrics.direction(registry, name));
        if (json) {
            CompareReport.json(result, spec.commandLine().getOut(), name -> RecordedMetrics.format(registry, name));
        } else {
            CompareReport.text(result, spec.commandLine().getOut(), name -> RecordedMetrics.format(registry, name));
        }
        return equivalent && !result.allEquivalent() ? 1 : 0;
    }
}
