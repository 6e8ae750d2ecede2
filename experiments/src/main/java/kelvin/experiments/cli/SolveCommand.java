package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kelvin.env.mdp.DeepSea;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.ValueIteration;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Location;
import kelvin.experiments.model.Environment;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.ResultWriter;
import kelvin.experiments.results.Mappers;
import kelvin.plots.ChartRenderer;
import kelvin.plots.GridMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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

    @Option(names = "--png", paramLabel = "FILE", description = "Where to draw the map (default: CONFIG's file name + -solution.png).")
    Path png;

    @Override
    public Integer call() throws Exception {
        Environment environment = ExperimentLoader.loadEnvironment(config);
        if (!(environment instanceof Environment.Tabular)) {
            throw new ConfigException(Location.of(config.toString()), "env.type", "kelvin solve needs a tabular "
                    + "environment (gridworld, deep-sea, river-swim); bandits have no states to solve");
        }
        Environment.Tabular tabular = (Environment.Tabular) environment;
        TabularEnv env = tabular.env();
        if (env.isRandomized()) {
            throw new ConfigException(Location.of(config.toString()), "env", "this environment is drawn per run "
                    + "(deep sea's action mapping); its optimal return is " + ((DeepSea) env).optimalReturn()
                    + " whatever the draw, but there is no single model to print");
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
            out.println(Mappers.JSON.writer().without(
                    com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %d states, %d actions, gamma %s; V*(start) = %.6f (%d sweeps)%n", env,
                model.states(), model.actions(), tabular.gamma(), solution.startValue(), solution.sweeps());
        if (env instanceof Gridworld) {
            Gridworld g = (Gridworld) env;
            String arrows = "^>v<";
            for (int r = 0; r < g.rows(); r++) {
                StringBuilder values = new StringBuilder();
                StringBuilder policy = new StringBuilder();
                for (int c = 0; c < g.columns(); c++) {
                    int s = g.state(r, c);
                    char k = g.cell(s);
                    boolean open = k != '#' && k != 'G' && k != 'H' && k != 'C';
                    values.append(String.format(Locale.ROOT, "%9s", open ? String.format(Locale.ROOT, "%.3f",
                            solution.value(s)) : String.valueOf(k)));
                    policy.append(open ? arrows.charAt(solution.action(s)) : k);
                }
                out.println(policy + "   " + values);
            }
            Path file = png != null ? png : Paths.get(config.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "")
                    + "-solution.png");
            AtomicFiles.write(file, new ChartRenderer().png(map(g, solution, tabular.gamma())));
            out.println("map: " + file);
        } else {
            for (int s = 0; s < model.states(); s++) {
                out.printf(Locale.ROOT, "state %d: V* = %.6f, action %d%n", s, solution.value(s), solution.action(s));
            }
        }
        out.flush();
        return 0;
    }

    static GridMap map(Gridworld g, ValueIteration.Solution solution, double gamma) {
        List<String> layout = new ArrayList<>();
        double[][] values = new double[g.rows()][g.columns()];
        int[][] actions = new int[g.rows()][g.columns()];
        for (int r = 0; r < g.rows(); r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < g.columns(); c++) {
                int s = g.state(r, c);
                char k = g.cell(s) == 'F' ? '.' : g.cell(s);
                sb.append(k);
                boolean open = k == '.' || k == 'S';
                values[r][c] = open ? solution.value(s) : Double.NaN;
                actions[r][c] = open ? solution.action(s) : GridMap.NO_ACTION;
            }
            layout.add(sb.toString());
        }
        return GridMap.of(g + ": V* and a greedy optimal policy (gamma " + gamma + ")", layout)
                .withValues(values, "V*(s)", false).withArrows(actions);
    }
}
