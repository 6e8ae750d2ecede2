package kelvin.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.Callable;
import kelvin.experiments.config.ConfigSchema;
import kelvin.experiments.results.Mappers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kelvin schema}: the JSON Schema of the config format. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema (draft 2020-12) of the config format, for editors and CI checks.")
public final class SchemaCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    PluginOptions plugins;

    @Override
    public Integer call() throws JsonProcessingException {
        spec.commandLine().getOut().println(Mappers.JSON.writeValueAsString(ConfigSchema.schema(plugins.registry())));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
