package kelvin.experiments.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.api.Environment;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularTask;
import kelvin.env.mdp.ValueIteration;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Location;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.Mappers;
import kelvin.plots.ChartRenderer;
import kelvin.plots.GridMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kelvin solve CONFIG}: value iteration on the config's tabular environment. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve the config's tabular environment by value iteration (gamma from env): V*, the start "
                + "value and a greedy optimal policy; a map with V* shading and greedy arrows. The config needs only "
                + "name and env.")
public final class SolveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "A config with name and a tabular env.")
    Path config;

    @Option(names = "--json", description = "Print {\"values\": [V* per state], \"start_value\", \"policy\": [...]}.")
    boolean json;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Where to draw the map (default: CONFIG's file name + -solution.png).")
    Path png;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        Environment environment = ExperimentLoader.loadEnvironment(config, plugins.registry());
        if (!(environment instanceof TabularTask tabular)) {
            throw new ConfigException(Location.of(config.toString()), "env.type", "kelvin solve needs a tabular "
                    + "environment (gridworld, deep-sea, river-swim); bandits have no states to solve");
        }
        TabularEnv env = tabular.mdp();
        if (env.isRandomized()) {
            throw new ConfigException(Location.of(config.toString()), "env", "this environment is drawn per run "
                    + "(deep sea's action mapping), so there is no single model to solve");
        }
        TabularModel model = env.model(null);
        ValueIteration.Solution solution;
        try {
            solution = ValueIteration.solve(model, tabular.gamma());
        } catch (IllegalStateException e) {
            throw new ExperimentException("value iteration did not converge at gamma " + tabular.gamma()
                    + " (" + e.getMessage() + "); try a gamma below 1", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("values", solution.values());
            row.put("start_value", solution.startValue());
            row.put("policy", solution.policy());
            out.println(Mappers.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %d states, %d actions, gamma %s; V*(start) = %.6f (%d sweeps)%n", env,
                model.states(), model.actions(), tabular.gamma(), solution.startValue(), solution.sweeps());
        List<String> layout = env.layout();
        if (layout != null && model.actions() == 4) {
            String arrows = "^>v<";
            int columns = layout.get(0).length();
            for (int r = 0; r < layout.size(); r++) {
                StringBuilder values = new StringBuilder();
                StringBuilder policy = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    int s = r * columns + c;
                    char k = layout.get(r).charAt(c);
                    boolean open = k == GridMap.FREE || k == GridMap.START;
                    values.append(String.format(Locale.ROOT, "%9s", open ? String.format(Locale.ROOT, "%.3f",
                            solution.value(s)) : String.valueOf(k)));
                    policy.append(open ? arrows.charAt(solution.action(s)) : k);
                }
                out.println(policy + "   " + values);
            }
            Path file = png != null ? png : Paths.get(config.getFileName().toString().replaceFirst("\\.(ya?ml|json)$",
                    "")
                    + "-solution.png");
            AtomicFiles.write(file, new ChartRenderer().png(map(env + "", layout, solution, tabular.gamma())));
            out.println("map: " + file);
        } else {
            for (int s = 0; s < model.states(); s++) {
                out.printf(Locale.ROOT, "state %d: V* = %.6f, action %d%n", s, solution.value(s), solution.action(s));
            }
        }
        out.flush();
        return 0;
    }

    static GridMap map(String name, List<String> layout, ValueIteration.Solution solution, double gamma) {
        int rows = layout.size();
        int columns = layout.get(0).length();
        double[][] values = new double[rows][columns];
        int[][] actions = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int s = r * columns + c;
                char k = layout.get(r).charAt(c);
                boolean open = k == GridMap.FREE || k == GridMap.START;
                values[r][c] = open ? solution.value(s) : Double.NaN;
                actions[r][c] = open ? solution.action(s) : GridMap.NO_ACTION;
            }
        }
        return GridMap.of(name + ": V* and a greedy optimal policy (gamma " + gamma + ")", layout)
                .withValues(values, "V*(s)", false).withArrows(actions);
    }
}
