package kelvin.experiments.plugin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import kelvin.api.Component;
import kelvin.experiments.ExperimentException;

/**
 * Loads the user's components from the paths given on the command line ({@code --plugin}) or in
 * {@code KELVIN_PLUGINS}: a jar, a folder of classes, a {@code .java} file or a folder of
 * {@code .java} files, which are compiled in memory against Kelvin's own classes. Code is loaded
 * from nowhere else, never because a config names a class.
 *
 * <p>In a jar or a class folder, the components are the classes listed in
 * {@code META-INF/services/kelvin.api.Component}; without that file, every public, concrete
 * subclass of {@link Component} with a public no-argument constructor. Compiled sources are
 * searched the same way. Class loaders stay open for the life of the program.
 */
public final class Plugins {

    private static final String SERVICES = "META-INF/services/" + Component.class.getName();

    private Plugins() {
    }

    /**
     * The plug-in paths: the command line's first, then those of the environment variable, each
     * once.
     *
     * @param fromCommandLine the {@code --plugin} paths
     * @param kelvinPluginsEnv the value of {@code KELVIN_PLUGINS} (a path list separated by
     *     {@link File#pathSeparator}), or null
     * @return the paths, in order
     */
    public static List<Path> paths(List<Path> fromCommandLine, String kelvinPluginsEnv) {
        List<Path> paths = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> all = new ArrayList<>(fromCommandLine);
        if (kelvinPluginsEnv != null) {
            for (String p : kelvinPluginsEnv.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    all.add(Path.of(p.strip()));
                }
            }
        }
        for (Path p : all) {
            if (seen.add(p.toAbsolutePath().normalize())) {
                paths.add(p);
            }
        }
        return paths;
    }

    /**
     * Loads the components of every path, in order.
     *
     * @param paths jars, class folders, .java files or folders of them
     * @return the components with the path each came from
     * @throws PluginException when a path is missing, holds no component, does not compile, or a
     *     component cannot be created
     */
    public static List<LoadedComponent> load(List<Path> paths) {
        List<LoadedComponent> loaded = new ArrayList<>();
        for (Path path : paths) {
            loaded.addAll(loadOne(path));
        }
        return loaded;
    }

    private static List<LoadedComponent> loadOne(Path path) {
        String origin = path.toString();
        if (!Files.exists(path)) {
            throw new PluginException("--plugin " + origin + ": no such file or folder");
        }
        List<LoadedComponent> found;
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            found = hasSources(path) ? fromSources(path, origin) : fromClasses(path, origin);
        } else if (name.endsWith(".jar")) {
            found = fromClasses(path, origin);
        } else if (name.endsWith(".java")) {
            found = fromSources(path, origin);
        } else {
            throw new PluginException("--plugin " + origin + ": not a plug-in; give a .jar, a folder of classes, a "
                    + ".java file or a folder of .java files");
        }
        if (found.isEmpty()) {
            throw new PluginException("--plugin " + origin + " holds no Kelvin component: a plug-in declares a "
                    + "public class extending " + Component.class.getName() + " with a public no-argument constructor"
                    + (name.endsWith(".java") || Files.isDirectory(path) && hasSources(path) ? ""
                            : ", listed in " + SERVICES));
        }
        return found;
    }

    private static boolean hasSources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new PluginException("--plugin " + dir + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A jar or a class folder: its services file, or else a scan of its classes. */
    private static List<LoadedComponent> fromClasses(Path path, String origin) {
        URLClassLoader loader;
        try {
            loader = new URLClassLoader(new URL[] {path.toUri().toURL()}, Plugins.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new PluginException("--plugin " + origin + ": not a usable path (" + e.getMessage() + ")", e);
        }
        List<String> names = new ArrayList<>();
        try {
            URL services = loader.findResource(SERVICES);
            if (services != null) {
                try (InputStream in = services.openStream()) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .split("\n")) {
                        String className = line.replaceFirst("#.*", "").strip();
                        if (!className.isEmpty()) {
                            names.add(className);
                        }
                    }
                }
            } else {
                names.addAll(classNames(path));
            }
        } catch (IOException e) {
            throw new PluginException("--plugin " + origin + ": cannot be read (" + e.getMessage() + ")", e);
        }
        List<LoadedComponent> found = new ArrayList<>();
        for (String className : names) {
            Class<?> c;
            try {
                c = Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                if (services(loader)) {
                    throw new PluginException("--plugin " + origin + ": " + SERVICES + " lists " + className
                            + ", which cannot be loaded: " + e, e);
                }
                continue;
            }
            if (services(loader) || isComponent(c)) {
                found.add(new LoadedComponent(create(c, origin), origin));
            }
        }
        return found;
    }

    private static boolean services(URLClassLoader loader) {
        return loader.findResource(SERVICES) != null;
    }

    /** The binary names of the classes in a jar or under a folder, sorted. */
    private static Set<String> classNames(Path path) throws IOException {
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(binaryName(
                        path.relativize(p).toString().replace(File.separatorChar, '/'))));
            }
        } else {
            try (JarFile jar = new JarFile(path.toFile())) {
                Enumeration<JarEntry> entries = jar.entries();
                while (entries.hasMoreElements()) {
                    String entry = entries.nextElement().getName();
                    if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
                        names.add(binaryName(entry));
                    }
                }
            }
        }
        names.remove("module-info");
        return names;
    }

    private static String binaryName(String classFile) {
        return classFile.substring(0, classFile.length() - ".class".length()).replace('/', '.');
    }

    /** A .java file or a folder of them, compiled in memory, then searched for components. */
    private static List<LoadedComponent> fromSources(Path path, String origin) {
        InMemoryCompiler.Result compiled = InMemoryCompiler.compile(path, origin, classPath());
        List<LoadedComponent> found = new ArrayList<>();
        for (String className : new TreeSet<>(compiled.classNames())) {
            Class<?> c;
            try {
                c = Class.forName(className, false, compiled.loader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new PluginException("--plugin " + origin + ": the compiled class " + className
                        + " cannot be loaded: " + e, e);
            }
            if (isComponent(c)) {
                found.add(new LoadedComponent(create(c, origin), origin));
            }
        }
        return found;
    }

    /** Kelvin's own class path, for compiling sources against it. */
    private static List<String> classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        for (Class<?> c : List.of(Component.class, Plugins.class)) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                try {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    // a location that is not a file (a custom class loader) adds nothing to compile against
                }
            }
        }
        return List.copyOf(entries);
    }

    private static boolean isComponent(Class<?> c) {
        if (!Component.class.isAssignableFrom(c) || !Modifier.isPublic(c.getModifiers())
                || Modifier.isAbstract(c.getModifiers()) || c.isInterface()
                || c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers())) {
            return false;
        }
        try {
            return Modifier.isPublic(c.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Component<?> create(Class<?> c, String origin) {
        if (!Component.class.isAssignableFrom(c)) {
            throw new PluginException("plug-in class " + c.getName() + " (from " + origin + ") is not a "
                    + Component.class.getName());
        }
        try {
            Constructor<?> constructor = c.getConstructor();
            return (Component<?>) constructor.newInstance();
        } catch (InvocationTargetException | ExceptionInInitializerError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            while (cause.getCause() != null && (cause instanceof InvocationTargetException
                    || cause instanceof ExceptionInInitializerError)) {
                cause = cause.getCause();
            }
            throw new PluginException("plug-in class " + c.getName() + " (from " + origin + ") could not be created: "
                    + ExperimentException.describe(cause), cause);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw new PluginException("plug-in class " + c.getName() + " (from " + origin + ") could not be created: "
                    + ExperimentException.describe(e), e);
        }
    }

    /** Keeps {@link UncheckedIOException} out of callers' signatures for a path that vanished while read. */
    static PluginException unreadable(String origin, IOException e) {
        return new PluginException("--plugin " + origin + ": cannot be read (" + e.getMessage() + ")", e);
    }
}
