package kelvin.experiments.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import kelvin.experiments.config.ConfigException;
import kelvin.experiments.config.ConfigNode;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.SuiteLoader;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.model.Suite;

/**
 * A config typed into the experiments page, validated exactly as {@code kelvin validate} and
 * {@code kelvin run} validate a file: the same parser, the same binding, the lab's registry (its
 * plug-ins included) and the lab's budget. One of the two parts is set.
 *
 * @param experiment the experiment, for a config with {@code env}
 * @param suite the suite, for a config with {@code envs}
 */
record ExperimentConfig(Experiment experiment, Suite suite) {
    /** The name messages give text that was not loaded from a file of the lab's folder. */
    static final String DEFAULT_NAME = "config.yaml";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._ +-]+(/[A-Za-z0-9._ +-]+){0,8}");

    /**
     * Validates config text.
     *
     * @param name how messages name the text (a file of the lab's folder, or {@link #DEFAULT_NAME})
     * @param text the config's YAML or JSON
     * @param context the lab's registry and budget
     * @return the validated config
     * @throws ConfigException as {@code kelvin validate} reports it, naming {@code name}
     */
    static ExperimentConfig parse(String name, String text, LabContext context) {
        ConfigNode root = YamlTrees.parse(name, text);
        if (SuiteLoader.isSuite(root)) {
            return new ExperimentConfig(null, SuiteLoader.bind(root, context.registry(), context.budget()));
        }
        return new ExperimentConfig(ExperimentLoader.bind(root, context.registry(), context.budget()), null);
    }

    /**
     * The name to give messages: the page's name for the text when it is a plain relative file name,
     * else {@link #DEFAULT_NAME}.
     *
     * @param requested what the page sent, or null
     * @return a name that says nothing about the machine
     */
    static String name(String requested) {
        if (requested == null || requested.length() > 200 || !NAME.matcher(requested).matches()
                || requested.contains("..")) {
            return DEFAULT_NAME;
        }
        return requested;
    }

    /** The name of the config: its {@code name} key. */
    String title() {
        return experiment != null ? experiment.name() : suite.name();
    }

    /**
     * What {@code kelvin validate} prints for a valid config, as JSON for the page.
     *
     * @param name the text's name
     * @return ok, the message and the config's name
     */
    Map<String, Object> verdict(String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put("name", title());
        out.put("suite", suite != null);
        if (experiment != null) {
            out.put("message", "ok: " + name + " (" + experiment.name() + ": " + experiment.size() + ")");
        } else {
            int n = suite.environments().size();
            out.put("message", "ok: " + name + " (suite " + suite.name() + ": " + n + " environment"
                    + (n == 1 ? "" : "s") + ")");
        }
        return out;
    }

    /**
     * A problem as the page shows it: the CLI's one line, and the line and column to mark.
     *
     * @param e the problem
     * @return ok false, the message, line and column (0 when no place applies)
     */
    static Map<String, Object> problem(ConfigException e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", false);
        out.put("message", "error: " + e.getMessage());
        out.put("line", e.location() == null ? 0 : e.location().line());
        out.put("column", e.location() == null ? 0 : e.location().column());
        return out;
    }
}
