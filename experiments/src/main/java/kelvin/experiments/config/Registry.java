package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.experiments.plugin.LoadedComponent;
import kelvin.experiments.plugin.PluginException;

/**
 * Every component a config can name: the built-ins, found through {@link ServiceLoader} in Kelvin's
 * own modules, and the plug-ins the user gave on the command line. Names are unique per kind, and
 * the two agent kinds share one namespace (both are written under {@code agents:}); a plug-in whose
 * name is taken is refused with both origins named.
 */
public final class Registry {

    /**
     * A component with where it came from, for messages and listings.
     *
     * @param component the declaration: kind, name, keys and factory
     * @param origin where it came from in words: "a built-in (class)" or "plug-in PATH (class)"
     * @param plugin true for a plug-in, which runs wrapped in guards
     */
    public record Entry(Component<?> component, String origin, boolean plugin) {
    }

    private static final Registry BUILT_INS = loadBuiltIns();

    private final Map<Kind, Map<String, Entry>> entries;

    private Registry(Map<Kind, Map<String, Entry>> entries) {
        this.entries = entries;
    }

    /**
     * Kelvin's own components.
     *
     * @return the registry of the built-ins
     */
    public static Registry builtIns() {
        return BUILT_INS;
    }

    private static Registry loadBuiltIns() {
        Registry r = new Registry(new EnumMap<>(Kind.class));
        ServiceLoader<Component> loader = ServiceLoader.load(Component.class, Registry.class.getClassLoader());
        try {
            for (Component<?> c : loader) {
                r.add(new Entry(c, "a built-in (" + c.getClass().getName().replace('$', '.') + ")", false));
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("Kelvin's own component list is broken: " + e.getMessage(), e);
        }
        return r;
    }

    /**
     * This registry and the plug-ins.
     *
     * @param plugins components loaded from the user's paths
     * @return a copy with the plug-ins added, or this registry when {@code plugins} is empty
     * @throws PluginException when a plug-in's name is taken by a built-in or another plug-in
     */
    public Registry with(List<LoadedComponent> plugins) {
        if (plugins.isEmpty()) {
            return this;
        }
        Map<Kind, Map<String, Entry>> copy = new EnumMap<>(Kind.class);
        entries.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        Registry r = new Registry(copy);
        for (LoadedComponent p : plugins) {
            r.add(new Entry(p.component(), "plug-in " + p.origin() + " (" + p.component().getClass().getName() + ")",
                    true));
        }
        return r;
    }

    private void add(Entry e) {
        Component<?> c = e.component();
        Entry taken = find(c.kind(), c.name());
        if (taken == null && c.kind().isAgent()) {
            taken = find(c.kind() == Kind.BANDIT_AGENT ? Kind.TABULAR_AGENT : Kind.BANDIT_AGENT, c.name());
        }
        if (taken != null) {
            throw new PluginException("the " + c.kind().word() + " name '" + c.name() + "' of " + e.origin()
                    + " is already taken by " + taken.origin() + "; rename one of them");
        }
        entries.computeIfAbsent(c.kind(), k -> new LinkedHashMap<>()).put(c.name(), e);
    }

    /**
     * One component.
     *
     * @param kind its kind
     * @param name its config name
     * @return the entry, or null when no component of that kind has the name
     */
    public Entry find(Kind kind, String name) {
        return entries.getOrDefault(kind, Map.of()).get(name);
    }

    /**
     * An agent of either kind.
     *
     * @param name its config name
     * @return the bandit agent of that name, else the tabular one, or null when neither exists
     */
    public Entry agent(String name) {
        Entry e = find(Kind.BANDIT_AGENT, name);
        return e != null ? e : find(Kind.TABULAR_AGENT, name);
    }

    /**
     * The components of a kind, in the order they were found.
     *
     * @param kind which section of the registry
     * @return built-ins first, then plug-ins; empty when the kind has none
     */
    public List<Entry> all(Kind kind) {
        return List.copyOf(entries.getOrDefault(kind, Map.of()).values());
    }

    /**
     * The names of a kind, in the order they were found.
     *
     * @param kind which section of the registry
     * @return the config names, built-ins first; empty when the kind has none
     */
    public List<String> names(Kind kind) {
        return List.copyOf(entries.getOrDefault(kind, Map.of()).keySet());
    }

    /**
     * The names of both agent kinds: bandit agents, then tabular ones.
     *
     * @return a fresh list of their config names
     */
    public List<String> agentNames() {
        List<String> names = new ArrayList<>(names(Kind.BANDIT_AGENT));
        names.addAll(names(Kind.TABULAR_AGENT));
        return names;
    }

    /**
     * Whether any plug-in is registered.
     *
     * @return true when plug-ins were added
     */
    public boolean hasPlugins() {
        return entries.values().stream().anyMatch(m -> m.values().stream().anyMatch(Entry::plugin));
    }
}
