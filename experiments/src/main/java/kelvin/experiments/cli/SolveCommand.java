package kelvin.experiments.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import kelvin.api.Environment;
import kelvin.env.mdp.Gridworld;
import kelvin.env.mdp.PolicyEvaluator;
import kelvin.env.mdp.RiverSwim;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularTask;
import kelvin.env.mdp.ValueIteration;
import kelvin.experiments.ExperimentException;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Location;
import kelvin.experiments.planning.SoftValueIteration;
import kelvin.experiments.results.AtomicFiles;
import kelvin.experiments.results.Mappers;
import kelvin.plots.ChartRenderer;
import kelvin.plots.GridMap;
import kelvin.plots.LineChart;
import kelvin.plots.Series;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kelvin solve CONFIG}: value iteration on the config's tabular environment; with
 * {@code --temperature T} soft (entropy-regularised) value iteration ({@link SoftValueIteration}); with
 * {@code --temperatures} the temperature path of the soft-optimal policy.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve the config's tabular environment by value iteration (gamma from env): V*, the start "
                + "value and a greedy optimal policy; a map with V* shading and greedy arrows. The config needs only "
                + "name and env. --temperature T solves the entropy-regularised MDP instead (soft values, the "
                + "soft-optimal policy, its true value and entropy); --temperatures draws the temperature path.")
public final class SolveCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "A config with name and a tabular env.")
    Path config;

    @Option(names = "--json", description = "Print {\"values\": [V* per state], \"start_value\", \"policy\": [...]}; "
            + "with --temperature V_T, V_T(start), the soft policy's most likely actions, and \"temperature\", "
            + "\"q_values\", \"probabilities\", \"true_values\", \"true_start_value\", \"entropies\", "
            + "\"mean_entropy\".")
    boolean json;

    @Option(names = "--temperature", paramLabel = "T",
            description = "Solve with an entropy bonus of T (reward units) per step: soft values "
                    + "V_T = T log sum_a exp(Q_T/T), the soft-optimal policy softmax(Q_T/T), its true (unregularised) "
                    + "value and its entropy (nats) per state. A finite number >= 0; 0 (the default) is value "
                    + "iteration.")
    String temperature;

    @Option(names = "--temperatures", split = ",", paramLabel = "T",
            description = "Draw the temperature path: the soft-optimal policy's true value from the start and its "
                    + "mean entropy against T (log axis), with V* and the uniform policy as guides. At least two "
                    + "finite numbers > 0, in any order. Charts: CONFIG's file name + -temperature-path.png and "
                    + "-temperature-path-entropy.png (or --png FILE and FILE's name + -entropy).")
    List<String> temperatures;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Where to draw the map (default: CONFIG's file name + -solution.png, with --temperature "
                    + "-soft-solution.png).")
    Path png;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        if (temperature != null && temperatures != null) {
            throw new CommandLine.ParameterException(cl, "--temperature and --temperatures: give one of them");
        }
        double t = temperature == null ? 0 : parseTemperature(cl, "--temperature", temperature, true);
        double[] path = temperatures == null ? null : parsePath(cl, temperatures);
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
        if (path != null) {
            return temperaturePath(env, model, tabular.gamma(), path);
        }
        if (t > 0) {
            return soft(env, model, tabular.gamma(), t);
        }
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
            int[] greedy = new int[model.states()];
            for (int s = 0; s < greedy.length; s++) {
                greedy[s] = solution.action(s);
            }
            printGrid(out, layout, greedy, solution.values());
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

    /** {@code --temperature T}: soft value iteration, the soft policy's true values and entropies. */
    private int soft(TabularEnv env, TabularModel model, double gamma, double t) throws Exception {
        SoftValueIteration.Solution solution = solveSoft(model, gamma, t);
        PrintWriter out = spec.commandLine().getOut();
        int n = model.states();
        int k = model.actions();
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("values", solution.values());
            row.put("start_value", solution.startValue());
            row.put("policy", solution.policy());
            row.put("temperature", t);
            row.put("q_values", rows(solution.qValues(), n, k));
            row.put("probabilities", rows(solution.probabilities(), n, k));
            row.put("true_values", solution.trueValues());
            row.put("true_start_value", solution.trueStartValue());
            row.put("entropies", solution.entropies());
            row.put("mean_entropy", solution.meanEntropy());
            out.println(Mappers.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %d states, %d actions, gamma %s, temperature %s; V_T(start) = %s (%d sweeps); "
                + "the soft-optimal policy's true value from the start %s (V* %s), mean entropy %.4f nats "
                + "(ln %d = %.4f)%n", env, n, k, gamma, t, number(solution.startValue(), 6), solution.sweeps(),
                number(solution.trueStartValue(), 6), number(solveHard(model, gamma).startValue(), 6),
                solution.meanEntropy(), k, Math.log(k));
        List<String> layout = env.layout();
        if (layout != null && k == 4) {
            int columns = layout.get(0).length();
            out.println("most likely action and V_T:");
            printGrid(out, layout, solution.policy(), solution.values());
            out.println("true value of the soft-optimal policy:");
            printGrid(out, layout, null, solution.trueValues());
            out.println("entropy of the soft-optimal policy (nats):");
            printGrid(out, layout, null, solution.entropies());
            Path file = png != null ? png : sibling("-soft-solution.png");
            AtomicFiles.write(file, new ChartRenderer().png(softMap(env + "", layout, columns, solution)));
            out.println("map: " + file);
        } else {
            for (int s = 0; s < n; s++) {
                StringBuilder pi = new StringBuilder();
                for (int a = 0; a < k; a++) {
                    pi.append(a == 0 ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%.4f", solution.probability(s, a)));
                }
                out.printf(Locale.ROOT, "state %d: V_T = %s, true value %s, entropy %.4f nats, pi = [%s]%n", s,
                        number(solution.value(s), 6), number(solution.trueValue(s), 6), solution.entropy(s), pi);
            }
        }
        out.flush();
        return 0;
    }

    /**
     * {@code --temperatures}: the soft-optimal policy's true start value and mean entropy at each
     * temperature, with V* and the uniform policy's value as guides.
     */
    private int temperaturePath(TabularEnv env, TabularModel model, double gamma, double[] ts) throws Exception {
        int k = model.actions();
        double optimal = solveHard(model, gamma).startValue();
        double[] uniform = new double[model.states() * k];
        Arrays.fill(uniform, 1.0 / k);
        double uniformValue = PolicyEvaluator.of(model, gamma).startValue(uniform);
        double[] softValues = new double[ts.length];
        double[] trueValues = new double[ts.length];
        double[] entropies = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            SoftValueIteration.Solution solution = solveSoft(model, gamma, ts[i]);
            softValues[i] = solution.startValue();
            trueValues[i] = solution.trueStartValue();
            entropies[i] = solution.meanEntropy();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("temperatures", ts);
            row.put("soft_start_values", softValues);
            row.put("true_start_values", trueValues);
            row.put("mean_entropies", entropies);
            row.put("optimal_start_value", optimal);
            row.put("uniform_start_value", uniformValue);
            out.println(Mappers.JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(row));
            out.flush();
            return 0;
        }
        out.printf(Locale.ROOT, "%s: %d states, %d actions, gamma %s; V*(start) = %.6f, uniform policy %.6f%n", env,
                model.states(), k, gamma, optimal, uniformValue);
        out.printf(Locale.ROOT, "%12s  %14s  %14s  %12s%n", "T", "V_T(start)", "true value", "mean entropy");
        for (int i = 0; i < ts.length; i++) {
            out.printf(Locale.ROOT, "%12s  %14s  %14s  %12.4f%n", plain(ts[i]), number(softValues[i], 6),
                    number(trueValues[i], 6), entropies[i]);
        }
        out.printf(Locale.ROOT, "true value: of the soft-optimal policy, without the entropy bonus; mean entropy: "
                + "nats per step from the start, discounted (ln %d = %.4f is uniform)%n", k, Math.log(k));
        Path valueFile = png != null ? png : sibling("-temperature-path.png");
        Path entropyFile = valueFile.resolveSibling(valueFile.getFileName().toString().replaceFirst("(\\.png)?$",
                "-entropy.png"));
        double[] ends = {ts[0], ts[ts.length - 1]};
        String gammaNote = " (gamma " + gamma + ")";
        LineChart values = new LineChart(shortName(env) + ": true value of the soft-optimal policy" + gammaNote,
                "temperature T of the entropy bonus (reward units, log scale)",
                "expected discounted return from the start", true, false, List.of(
                        Series.line("soft-optimal policy", ts, trueValues, 0),
                        new Series("V* (optimal, T -> 0)", ends, new double[] {optimal, optimal}, null, null, 1, true),
                        new Series("uniform policy", ends, new double[] {uniformValue, uniformValue}, null, null, 2,
                                true)));
        double most = Math.log(k);
        LineChart entropy = new LineChart(shortName(env) + ": entropy of the soft-optimal policy" + gammaNote,
                "temperature T of the entropy bonus (reward units, log scale)",
                "mean entropy per step from the start (nats)", true, false, List.of(
                        Series.line("soft-optimal policy", ts, entropies, 0),
                        new Series("ln " + k + " (uniform policy)", ends, new double[] {most, most}, null, null, 2,
                                true),
                        new Series("0 (greedy policy)", ends, new double[] {0, 0}, null, null, 1, true)));
        ChartRenderer renderer = new ChartRenderer();
        AtomicFiles.write(valueFile, renderer.png(values));
        AtomicFiles.write(entropyFile, renderer.png(entropy));
        out.println("charts: " + valueFile + ", " + entropyFile);
        out.flush();
        return 0;
    }

    /** The environment's short name for chart titles: a gridworld's map, RiverSwim's variant. */
    private static String shortName(TabularEnv env) {
        if (env instanceof Gridworld g) {
            return g.name();
        }
        return env instanceof RiverSwim r ? r.name() : env.toString();
    }

    /** Fixed-point with the given decimals, or scientific once that would be longer than 12 digits. */
    private static String number(double v, int decimals) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e12 ? "%." + decimals + "f" : "%." + decimals + "e", v);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static ValueIteration.Solution solveHard(TabularModel model, double gamma) {
        try {
            return ValueIteration.solve(model, gamma);
        } catch (IllegalStateException e) {
            throw new ExperimentException("value iteration did not converge at gamma " + gamma
                    + " (" + e.getMessage() + "); try a gamma below 1", e);
        }
    }

    private static SoftValueIteration.Solution solveSoft(TabularModel model, double gamma, double t) {
        try {
            return SoftValueIteration.solve(model, gamma, t);
        } catch (IllegalStateException e) {
            throw new ExperimentException(e.getMessage() + (gamma == 1 ? "; try a gamma below 1"
                    : "; try a smaller temperature"), e);
        }
    }

    private Path sibling(String suffix) {
        return Paths.get(config.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "") + suffix);
    }

    private static double[][] rows(double[] flat, int n, int k) {
        double[][] rows = new double[n][];
        for (int s = 0; s < n; s++) {
            rows[s] = Arrays.copyOfRange(flat, s * k, (s + 1) * k);
        }
        return rows;
    }

    /** One text grid: arrows of {@code actions} (if given) and then the values of the open cells. */
    private static void printGrid(PrintWriter out, List<String> layout, int[] actions, double[] values) {
        String arrows = "^>v<";
        int columns = layout.get(0).length();
        for (int r = 0; r < layout.size(); r++) {
            StringBuilder cells = new StringBuilder();
            StringBuilder policy = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                int s = r * columns + c;
                char kind = layout.get(r).charAt(c);
                boolean open = kind == GridMap.FREE || kind == GridMap.START;
                cells.append(String.format(Locale.ROOT, "%9s", open ? number(values[s], 3) : String.valueOf(kind)));
                if (actions != null) {
                    policy.append(open ? arrows.charAt(actions[s]) : kind);
                }
            }
            out.println(actions != null ? policy + "   " + cells : cells.toString());
        }
    }

    private static GridMap softMap(String name, List<String> layout, int columns,
            SoftValueIteration.Solution solution) {
        double[][] values = perCell(layout, columns, solution::value);
        int[][] actions = actionPerCell(layout, columns, solution::action);
        double[][] strengths = perCell(layout, columns, s -> solution.probability(s, solution.action(s)));
        return GridMap.of(name + ": V_T, likeliest action (gamma "
                + solution.gamma() + ", T " + solution.temperature() + ")", layout)
                .withValues(values, "V_T(s)", false)
                .withArrows(actions, strengths, "probability of the arrow's action");
    }

    /** A temperature: a finite number, &gt;= 0 where {@code zeroAllowed}, else &gt; 0. */
    private static double parseTemperature(CommandLine cl, String option, String text, boolean zeroAllowed) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, option + ": '" + text + "' is not a number");
        }
        boolean ok = zeroAllowed ? v >= 0 : v > 0;
        if (!(ok && v < Double.POSITIVE_INFINITY)) {
            throw new CommandLine.ParameterException(cl, option + ": '" + text + "' is not allowed; give a finite "
                    + "number " + (zeroAllowed ? ">= 0 (0 is value iteration)" : "> 0 (the V* guide is T -> 0)"));
        }
        return v;
    }

    private static double[] parsePath(CommandLine cl, List<String> texts) {
        double[] ts = new double[texts.size()];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = parseTemperature(cl, "--temperatures", texts.get(i), false);
        }
        Arrays.sort(ts);
        for (int i = 1; i < ts.length; i++) {
            if (ts[i] == ts[i - 1]) {
                throw new CommandLine.ParameterException(cl, "--temperatures: " + ts[i] + " is listed twice");
            }
        }
        if (ts.length < 2) {
            throw new CommandLine.ParameterException(cl, "--temperatures: give at least two temperatures for a path, "
                    + "e.g. 0.01,0.1,1,10");
        }
        return ts;
    }

    static GridMap map(String name, List<String> layout, ValueIteration.Solution solution, double gamma) {
        int columns = layout.get(0).length();
        return GridMap.of(name + ": V* and a greedy optimal policy (gamma " + gamma + ")", layout)
                .withValues(perCell(layout, columns, solution::value), "V*(s)", false)
                .withArrows(actionPerCell(layout, columns, solution::action));
    }

    /** Whether the agent can stand on a map cell (free or the start): the cells a map draws values on. */
    private static boolean open(List<String> layout, int r, int c) {
        char k = layout.get(r).charAt(c);
        return k == GridMap.FREE || k == GridMap.START;
    }

    /** A number per map cell, from the state s = r * columns + c of each open cell; NaN elsewhere. */
    private static double[][] perCell(List<String> layout, int columns, IntToDoubleFunction f) {
        double[][] out = new double[layout.size()][columns];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < columns; c++) {
                out[r][c] = open(layout, r, c) ? f.applyAsDouble(r * columns + c) : Double.NaN;
            }
        }
        return out;
    }

    /** An action per map cell, as {@link #perCell}; {@link GridMap#NO_ACTION} on walls and ends. */
    private static int[][] actionPerCell(List<String> layout, int columns, IntUnaryOperator f) {
        int[][] out = new int[layout.size()][columns];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < columns; c++) {
                out[r][c] = open(layout, r, c) ? f.applyAsInt(r * columns + c) : GridMap.NO_ACTION;
            }
        }
        return out;
    }
}
