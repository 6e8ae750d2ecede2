package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.SuiteLoader;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Suite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code kelvin validate CONFIG...}: checks configs without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check configs without running them; reports each file. Exit 2 if any is invalid.")
public final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CONFIG", description = "Config files to check.")
    List<Path> configs;

    @Mixin
    CommonOptions common;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        Registry registry = plugins.registry();
        for (Path config : configs) {
            try {
                if (SuiteLoader.isSuite(config)) {
                    Suite suite = SuiteLoader.load(config, common.overrides, registry, common.budget);
                    out.printf("ok: %s (suite %s: %d environment%s)%n", config, suite.name(),
                            suite.environments().size(), suite.environments().size() == 1 ? "" : "s");
                    for (Suite.Environment env : suite.environments()) {
                        out.printf("  %s: %s%s%n", env.name(), env.experiment().size(), SuiteSummary.skipped(env));
                    }
                    continue;
                }
                Experiment e = Experiment.load(config, common.overrides, registry, common.budget);
                out.printf("ok: %s (%s: %s)%n", config, e.name(), e.size());
            } catch (ConfigException e) {
                failed++;
                err.println("error: " + e.getMessage());
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 2;
    }
}
