package kelvin.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kelvin.api.Component;
import kelvin.api.Kind;
import org.junit.jupiter.api.Test;

/**
 * The built-ins come from the services files alone: every concrete {@link Component} class in
 * Kelvin's own modules is registered (a forgotten services line fails here), and each name is unique
 * within its kind.
 */
class RegistryTest {

    private static List<String> classNames() throws IOException {
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            String file = p.getFileName() == null ? "" : p.getFileName().toString();
            if (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes"))) {
                try (Stream<Path> classes = Files.walk(p)) {
                    classes.map(c -> p.relativize(c).toString()).filter(c -> c.endsWith(".class"))
                            .forEach(c -> names.add(c.replace(File.separatorChar, '.')));
                }
            } else if (file.startsWith("kelvin-") && file.endsWith(".jar")) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.endsWith(".class")) {
                            names.add(n.replace('/', '.'));
                        }
                    }
                }
            }
        }
        return names.stream().filter(n -> n.startsWith("kelvin.")).map(n -> n.substring(0, n.length() - 6))
                .collect(Collectors.toList());
    }

    @Test
    void everyComponentClassOfKelvinIsRegistered() throws Exception {
        Set<String> declared = new TreeSet<>();
        for (String name : classNames()) {
            Class<?> c = Class.forName(name, false, RegistryTest.class.getClassLoader());
            // an anonymous component is made at run time for one use (the lab's temperature slider of
            // one session) and cannot be service-loaded: it is no built-in
            if (Component.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers())
                    && !c.isAnonymousClass()) {
                declared.add(c.getName());
            }
        }
        Set<String> registered = new TreeSet<>();
        for (Kind kind : Kind.values()) {
            for (Registry.Entry e : Registry.builtIns().all(kind)) {
                registered.add(e.component().getClass().getName());
                assertFalse(e.plugin());
            }
        }
        assertTrue(declared.size() >= 35, "the scan found Kelvin's classes: " + declared);
        assertEquals(declared, registered);
    }

    @Test
    void namesAreUniqueWithinAKindAndEveryKindHasBuiltIns() {
        for (Kind kind : Kind.values()) {
            List<String> names = Registry.builtIns().names(kind);
            assertFalse(names.isEmpty(), kind.toString());
            assertEquals(new TreeSet<>(names).size(), names.size(), kind + ": " + names);
        }
        assertTrue(Registry.builtIns().names(Kind.SCHEDULE).containsAll(List.of("fixed", "exponential",
                "logarithmic", "simulated-annealing", "entropy-target")));
    }
}
