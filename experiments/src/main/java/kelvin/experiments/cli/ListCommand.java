package kelvin.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import kelvin.experiments.config.Catalog;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
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
