package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import kelvin.experiments.config.Catalog;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Key;
import kelvin.experiments.config.Kind;
import kelvin.experiments.config.TypeSpec;
import kelvin.experiments.model.Metric;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kelvin list}: every environment, agent, policy and schedule with its keys. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every environment, agent, policy, schedule and metric with its keys.")
public final class ListCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--markdown", description = "Print the reference as Markdown tables (as in the README).")
    boolean markdown;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(markdown());
            out.flush();
            return 0;
        }
        section(out, Kind.ENV, "Environments (env: {type: ...})");
        section(out, Kind.AGENT, "Agents (agents: {NAME: {type: ...}})");
        section(out, Kind.POLICY, "Policies (policy: {type: ...})");
        section(out, Kind.SCHEDULE, "Temperature schedules (temperature: {schedule: ...}, or a number for fixed)");
        out.println("Metrics (metrics: [...])");
        for (Metric m : Metric.values()) {
            out.printf("  %-16s %s%n", m.key(), m.axisLabel());
        }
        out.flush();
        return 0;
    }

    /** The config reference as Markdown; the README embeds exactly this text. */
    static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("#### Experiment (top level)\n\n| key | allowed | meaning |\n| --- | --- | --- |\n");
        for (Key k : ExperimentLoader.topKeys()) {
            keyRow(sb, k.name(), k);
        }
        sb.append("| `agents` | a mapping NAME: agent (names from A-Z a-z 0-9 . _ + -); required | the variants "
                + "compared, drawn together on every chart |\n");
        sb.append("| `sweep` | a mapping PATH: [values]; optional | dotted key paths inside agents; the cartesian "
                + "product applies to every agent that has the path |\n");
        for (Key k : ExperimentLoader.recordKeys()) {
            keyRow(sb, "record." + k.name(), k);
        }
        sb.append('\n');
        table(sb, Kind.ENV, "Environments (`env: {type: ...}`)");
        table(sb, Kind.AGENT, "Agents (`agents: {NAME: {type: ...}}`)");
        table(sb, Kind.POLICY, "Policies (`policy: {type: ...}`)");
        table(sb, Kind.SCHEDULE, "Temperature schedules (`temperature: {schedule: ...}`, or a number for `fixed`)");
        sb.append("#### Metrics (`metrics: [...]`)\n\n| metric | meaning |\n| --- | --- |\n");
        for (Metric m : Metric.values()) {
            sb.append("| `").append(m.key()).append("` | ").append(m.axisLabel()).append(" |\n");
        }
        return sb.toString();
    }

    private static void keyRow(StringBuilder sb, String name, Key k) {
        sb.append("| `").append(name).append("` | ").append(k.type().describe().replace("|", "\\|")).append("; ")
                .append(k.defaultText()).append(" | ").append(k.doc()).append(" |\n");
    }

    private static void table(StringBuilder sb, Kind kind, String title) {
        sb.append("#### ").append(title).append("\n\n| name | what it is | keys |\n| --- | --- | --- |\n");
        for (TypeSpec t : Catalog.types(kind)) {
            sb.append("| `").append(t.name()).append("` | ").append(t.summary().replace("|", "\\|")).append(" | ");
            if (t.keys().isEmpty()) {
                sb.append("none");
            }
            for (int i = 0; i < t.keys().size(); i++) {
                Key k = t.keys().get(i);
                sb.append(i > 0 ? "<br>" : "").append('`').append(k.name()).append("`: ")
                        .append(k.type().describe().replace("|", "\\|")).append("; ").append(k.defaultText())
                        .append(". ").append(k.doc().replace("|", "\\|"));
            }
            sb.append(" |\n");
        }
        sb.append('\n');
    }

    private static void section(PrintWriter out, Kind kind, String title) {
        out.println(title);
        for (TypeSpec t : Catalog.types(kind)) {
            out.printf("  %-16s %s%n", t.name(), t.summary());
            for (Key k : t.keys()) {
                out.printf("      %-12s %s; %s. %s%n", k.name(), k.type().describe(), k.defaultText(), k.doc());
            }
        }
        out.println();
    }
}
