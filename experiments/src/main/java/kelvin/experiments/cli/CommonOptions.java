package kelvin.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.config.Limits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options shared by commands that load and run configs. */
public final class CommonOptions {

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a config value before validation, e.g. --set runs=100 or "
                    + "--set agents.eps.policy.epsilon=0.05 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;

    @Option(names = "--budget", paramLabel = "DURATION|unlimited", converter = BudgetConverter.class,
            description = "Work a config may ask for, estimated before running from its sizes (runs, steps, "
                    + "arms, estimate draws, states, actions, outcomes): a config estimated to need more computing "
                    + "on one core than this is refused, saying how much it needs. A duration such as 90s, 30m, 2h "
                    + "or 1.5d; default 1h. 'unlimited' accepts any size and also lifts the check that the "
                    + "estimated memory fits Java's maximum heap (JAVA_OPTS=-Xmx... gives more).")
    Limits.Budget budget = Limits.Budget.DEFAULT;

    /** Reads {@code --budget}; a bad value is a usage error (exit 2) with the allowed forms. */
    static final class BudgetConverter implements ITypeConverter<Limits.Budget> {
        @Override
        public Limits.Budget convert(String value) {
            try {
                return Limits.Budget.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
