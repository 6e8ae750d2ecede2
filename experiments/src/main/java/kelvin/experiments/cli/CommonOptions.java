package kelvin.experiments.cli;

import picocli.CommandLine.Option;

/** Options shared by commands that load and run configs. */
public final class CommonOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a config value before validation, e.g. --set runs=100 or "
                    + "--set agents.eps.policy.epsilon=0.05 (repeatable).")
    java.util.List<String> overrides = new java.util.ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;
}
