package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kelvin.api.Component;
import kelvin.api.Context;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.experiments.config.Binder;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kelvin list}: every environment, agent, policy, schedule and metric with its keys, read
 * from the components' declarations (plug-ins included, marked with their origin).
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every environment, agent, policy, schedule and metric with its keys.")
public final class ListCommand implements Callable<Integer> {

    /**
     * A section of the reference: the kinds it lists, with its title in text and in Markdown.
     *
     * @param kinds the kinds of component it lists, in order
     * @param title its heading in the plain-text listing
     * @param markdownTitle its heading with {@code --markdown}
     */
    private record Section(List<Kind> kinds, String title, String markdownTitle) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section(List.of(Kind.ENVIRONMENT), "Environments (env: {type: ...})",
                    "Environments (`env: {type: ...}`)"),
            new Section(List.of(Kind.BANDIT_AGENT, Kind.TABULAR_AGENT), "Agents (agents: {NAME: {type: ...}})",
                    "Agents (`agents: {NAME: {type: ...}}`)"),
            new Section(List.of(Kind.POLICY), "Policies (policy: {type: ...})", "Policies (`policy: {type: ...}`)"),
            new Section(List.of(Kind.SCHEDULE),
                    "Temperature schedules (temperature: {schedule: ...}, or a number for fixed)",
                    "Temperature schedules (`temperature: {schedule: ...}`, or a number for `fixed`)"),
            new Section(List.of(Kind.METRIC), "Metrics (metrics: [...])", "Metrics (`metrics: [...]`)"));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--markdown",
            description = "Print the reference as Markdown tables (as in the README).")
    boolean markdown;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Registry registry = plugins.registry();
        if (markdown) {
            out.print(markdown(registry));
            out.flush();
            return 0;
        }
        Binder words = new Binder(registry, Context.NONE);
        for (Section section : SECTIONS) {
            out.println(section.title());
            for (Kind kind : section.kinds()) {
                for (Registry.Entry e : registry.all(kind)) {
                    Component<?> t = e.component();
                    out.printf("  %-16s %s%s%n", t.name(), t.summary(), e.plugin() ? "  [" + e.origin() + "]" : "");
                    if (!t.source().isEmpty()) {
                        out.printf("      %-12s %s%n", "source", t.source());
                    }
                    for (Key k : t.keys()) {
                        out.printf("      %-12s %s; %s. %s%n", k.name(), words.describe(k.type()), k.defaultText(),
                                k.doc());
                    }
                }
            }
            out.println();
        }
        out.flush();
        return 0;
    }

    /**
     * The config reference as Markdown; the README embeds exactly this text for the built-ins.
     *
     * @param registry the components to list
     * @return a table of the top-level, {@code record} and {@code plot} keys, then one of each section: environments,
     *     agents, policies, schedules and metrics
     */
    static String markdown(Registry registry) {
        Binder words = new Binder(registry, Context.NONE);
        StringBuilder sb = new StringBuilder();
        sb.append("#### Experiment (top level)\n\n| key | allowed | meaning |\n| --- | --- | --- |\n");
        for (Key k : ExperimentLoader.topKeys(registry)) {
            keyRow(sb, words, k.name(), k);
        }
        sb.append("| `agents` | a mapping NAME: agent (names from A-Z a-z 0-9 . _ + -); required | the variants "
                + "compared, drawn together on every chart |\n");
        sb.append("| `envs` | a mapping NAME: {env, steps or episodes, set}; instead of env, steps and episodes | a "
                + "suite: each environment runs as its own experiment (results in envs/NAME/), set gives dotted key "
                + "paths their values there, and the variants are compared across all on the normalised score |\n");
        sb.append("| `agents.NAME.bandit`, `agents.NAME.tabular` | mappings of agent keys; optional, suites only | "
                + "merged over the agent's other keys on bandits (environments with steps) or tabular environments "
                + "(with episodes); an agent without a type for an environment's kind is skipped there |\n");
        sb.append("| `sweep` | a mapping PATH: [values]; optional | dotted key paths inside agents; the cartesian "
                + "product applies to every agent that has the path |\n");
        for (Key k : ExperimentLoader.recordKeys()) {
            keyRow(sb, words, "record." + k.name(), k);
        }
        for (Key k : ExperimentLoader.plotKeys(registry)) {
            keyRow(sb, words, "plot." + k.name(), k);
        }
        sb.append('\n');
        for (Section section : SECTIONS) {
            sb.append("#### ").append(section.markdownTitle())
                    .append("\n\n| name | what it is | keys |\n| --- | --- | --- |\n");
            for (Kind kind : section.kinds()) {
                for (Registry.Entry e : registry.all(kind)) {
                    row(sb, words, e.component());
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void keyRow(StringBuilder sb, Binder words, String name, Key k) {
        sb.append("| `").append(name).append("` | ").append(cell(words.describe(k.type()))).append("; ")
                .append(k.defaultText()).append(" | ").append(k.doc()).append(" |\n");
    }

    private static void row(StringBuilder sb, Binder words, Component<?> t) {
        sb.append("| `").append(t.name()).append("` | ").append(cell(t.summary()));
        if (!t.source().isEmpty()) {
            sb.append(". Source: ").append(cell(t.source()));
        }
        sb.append(" | ");
        if (t.keys().isEmpty()) {
            sb.append("none");
        }
        for (int i = 0; i < t.keys().size(); i++) {
            Key k = t.keys().get(i);
            sb.append(i > 0 ? "<br>" : "").append('`').append(k.name()).append("`: ")
                    .append(cell(words.describe(k.type()))).append("; ").append(k.defaultText())
                    .append(". ").append(cell(k.doc()));
        }
        sb.append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
