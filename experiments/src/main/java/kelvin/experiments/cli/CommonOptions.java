package kelvin.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that load and run configs. */
public final class CommonOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a config value before validation, e.g. --set runs=100 or "
                    + "--set agents.eps.policy.epsilon=0.05 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;
}
