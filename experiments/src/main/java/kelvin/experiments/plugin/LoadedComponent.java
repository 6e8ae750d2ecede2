package kelvin.experiments.plugin;

import kelvin.api.Component;

/**
 * A component loaded from a user's path.
 *
 * @param component the plug-in's declaration: kind, name, keys and factory
 * @param origin the path as the user gave it
 */
public record LoadedComponent(Component<?> component, String origin) {
}
