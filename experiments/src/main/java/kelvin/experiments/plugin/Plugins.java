package kelvin.experiments.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Placeholder until the loader lands: accepts no plug-ins. */
public final class Plugins {
    private Plugins() {
    }

    public static List<Path> paths(List<Path> fromCommandLine, String kelvinPluginsEnv) {
        List<Path> all = new ArrayList<>(fromCommandLine);
        if (kelvinPluginsEnv != null && !kelvinPluginsEnv.isBlank()) {
            for (String p : kelvinPluginsEnv.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    all.add(Path.of(p));
                }
            }
        }
        return all;
    }

    public static List<LoadedComponent> load(List<Path> paths) {
        if (!paths.isEmpty()) {
            throw new PluginException("plug-ins are not supported yet");
        }
        return List.of();
    }
}
