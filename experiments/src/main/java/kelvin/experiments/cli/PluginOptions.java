package kelvin.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.config.Registry;
import kelvin.experiments.plugin.Plugins;
import picocli.CommandLine.Option;

/**
 * {@code --plugin PATH} (repeatable) and the {@code KELVIN_PLUGINS} path list: where the commands
 * that read configs find the user's components. Code is loaded only from these paths, never because
 * a config names a class.
 */
public final class PluginOptions {

    /** The environment variable that lists plug-in paths, separated like a class path. */
    static final String VARIABLE = "KELVIN_PLUGINS";

    @Option(names = "--plugin", paramLabel = "PATH", description = "Load components (schedules, policies, agents, "
            + "environments, metrics) from a jar, a folder of classes, a .java file or a folder of .java files "
            + "(compiled in memory); repeatable. Also read from the KELVIN_PLUGINS path list.")
    List<Path> plugins = new ArrayList<>();

    /**
     * The built-ins and the plug-ins of the command line and of {@code KELVIN_PLUGINS}.
     *
     * @return the built-ins alone when no path is given, else a registry with the plug-ins added
     * @throws kelvin.experiments.plugin.PluginException when a plug-in cannot be loaded
     */
    Registry registry() {
        List<Path> paths = Plugins.paths(plugins, System.getenv(VARIABLE));
        return paths.isEmpty() ? Registry.builtIns() : Registry.builtIns().with(Plugins.load(paths));
    }
}
